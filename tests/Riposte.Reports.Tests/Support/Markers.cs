using System.Text.Json.Nodes;
using Riposte.Cli.Seeding;
using Riposte.Incidents.Model;
using Riposte.Stix;
using Riposte.Stix.Markings;

namespace Riposte.Reports.Tests.Support;

/// <summary>
/// Objects marked above TLP:CLEAR whose every name and value holds <see cref="Text"/>, some referenced
/// from TLP:CLEAR incidents: the public edition must contain the clear incidents and none of the marker.
/// </summary>
public static class Markers
{
    public const string Text = "ZZMARKER";
    public const string AmberOrganisation = "identity--7a7a7a7a-0000-4000-8000-00000000a0a0";
    public const string ClearIncident = "incident--7a7a7a7a-0000-4000-8000-000000000001";
    public const string ClearIncidentByHiddenOrg = "incident--7a7a7a7a-0000-4000-8000-000000000002";
    public const string RedIncident = "incident--7a7a7a7a-0000-4000-8000-000000000003";
    public const string AmberActor = "threat-actor--7a7a7a7a-0000-4000-8000-000000000004";
    private const string Created = "2026-06-01T10:00:00.000Z";

    public static IReadOnlyList<StixObject> Plant(DemoSeedData seed)
    {
        var member = seed.Organisations[0].Id;
        var narrative = Sdo(RiposteExtensions.NarrativeType, "x-riposte-narrative--7a7a7a7a-0000-4000-8000-000000000005", member, TlpMarkings.GreenId);
        narrative["name"] = $"{Text} green narrative";
        NewSdo(narrative, RiposteExtensions.NarrativeId);
        var channel = Sdo(RiposteExtensions.ChannelType, "x-riposte-channel--7a7a7a7a-0000-4000-8000-000000000006", member, TlpMarkings.AmberStrictId);
        channel["name"] = $"{Text} strict channel";
        channel["platform"] = "telegram";
        NewSdo(channel, RiposteExtensions.ChannelId);
        var location = Sdo("location", "location--7a7a7a7a-0000-4000-8000-000000000007", member, TlpMarkings.RedId);
        location["name"] = $"{Text} red country";
        location["region"] = "northern-europe";
        var person = Sdo("identity", "identity--7a7a7a7a-0000-4000-8000-000000000008", member, TlpMarkings.RedId);
        person["name"] = $"{Text} red person";
        person["identity_class"] = "individual";
        var actor = Sdo("threat-actor", AmberActor, member, TlpMarkings.AmberId);
        actor["name"] = $"{Text} amber actor";
        var organisation = Sdo("identity", AmberOrganisation, AmberOrganisation, TlpMarkings.AmberId);
        organisation["name"] = $"{Text} amber organisation";
        organisation["identity_class"] = "organization";

        var clear = Incident(ClearIncident, "Planted clear incident one", member, TlpMarkings.ClearId, new JsonObject
        {
            ["narrative_refs"] = new JsonArray(narrative["id"]!.GetValue<string>()),
            ["channel_refs"] = new JsonArray(channel["id"]!.GetValue<string>()),
            ["target_location_refs"] = new JsonArray(location["id"]!.GetValue<string>()),
            ["target_identity_refs"] = new JsonArray(person["id"]!.GetValue<string>()),
            ["platforms"] = new JsonArray("telegram"),
            ["languages"] = new JsonArray("en"),
        });
        var byHidden = Incident(ClearIncidentByHiddenOrg, "Planted clear incident two", AmberOrganisation, TlpMarkings.ClearId, new JsonObject
        {
            ["platforms"] = new JsonArray("x"),
            ["languages"] = new JsonArray("en"),
        });
        var red = Incident(RedIncident, $"{Text} red incident", member, TlpMarkings.RedId, new JsonObject
        {
            ["subcategories"] = new JsonArray("zzmarker-subcategory"),
            ["platforms"] = new JsonArray("zzmarkerplatform"),
            ["languages"] = new JsonArray("zzmarker"),
            ["target_events"] = new JsonArray($"{Text} election"),
            ["target_sectors"] = new JsonArray("zzmarker-sector"),
        });
        // A TLP:CLEAR relationship naming a TLP:AMBER actor: the gate must hide it from the public.
        var attribution = Sdo("relationship", "relationship--7a7a7a7a-0000-4000-8000-000000000009", member, TlpMarkings.ClearId);
        attribution["relationship_type"] = "attributed-to";
        attribution["source_ref"] = ClearIncident;
        attribution["target_ref"] = AmberActor;
        attribution["confidence"] = 85;
        var response = Sdo(RiposteExtensions.ResponseType, "x-riposte-response--7a7a7a7a-0000-4000-8000-00000000000a", member, TlpMarkings.AmberId);
        response["name"] = $"{Text} amber response";
        response["response_kind"] = "sanctions";
        response["owner_ref"] = member;
        response["incident_refs"] = new JsonArray(ClearIncident);
        response["status"] = "completed";
        response["outcome"] = $"{Text} outcome";
        NewSdo(response, RiposteExtensions.ResponseId);
        var assessment = Sdo("report", "report--7a7a7a7a-0000-4000-8000-00000000000b", member, TlpMarkings.AmberId);
        assessment["name"] = $"{Text} amber assessment";
        assessment["report_types"] = new JsonArray("threat-report");
        assessment["published"] = "2026-06-02T00:00:00.000Z";
        assessment["labels"] = new JsonArray("fimi-assessment");
        assessment["object_refs"] = new JsonArray(ClearIncident, RedIncident);
        return [.. new[] { narrative, channel, location, person, actor, organisation, clear, byHidden, red, attribution, response, assessment }.Select(j => new StixObject(j))];
    }

    private static JsonObject Incident(string id, string name, string createdBy, string marking, JsonObject extra)
    {
        var json = Sdo("incident", id, createdBy, marking);
        json["name"] = name;
        var extension = new JsonObject
        {
            ["extension_type"] = RiposteExtensions.PropertyExtension,
            ["category"] = "election-interference",
            ["status"] = "shared",
            ["first_seen"] = Created,
        };
        foreach (var (key, value) in extra)
            extension[key] = value?.DeepClone();
        json["extensions"] = new JsonObject { [RiposteExtensions.IncidentId] = extension };
        return json;
    }

    private static JsonObject Sdo(string type, string id, string createdBy, string marking) => new()
    {
        ["type"] = type,
        ["spec_version"] = "2.1",
        ["id"] = id,
        ["created"] = Created,
        ["modified"] = Created,
        ["created_by_ref"] = createdBy,
        ["object_marking_refs"] = new JsonArray(marking),
    };

    private static void NewSdo(JsonObject json, string definition) =>
        json["extensions"] = new JsonObject { [definition] = new JsonObject { ["extension_type"] = RiposteExtensions.NewSdo } };
}
