using System.Text.Json.Nodes;
using Riposte.Access.Markings;
using Riposte.Stix;
using Riposte.Stix.Markings;

namespace Riposte.Incidents.Model;

/// <summary>
/// The extension-definitions the analyst's work is written with. Their ids are fixed forever:
/// objects shared with other nodes carry them. Each schema URL points at the section of
/// docs/incidents.md that documents it.
/// </summary>
public static class RiposteExtensions
{
    /// <summary>Property extension on <c>incident</c>: category, status, targets, criteria, evidence, impact.</summary>
    public const string IncidentId = "extension-definition--8a3f1c52-6b0e-4d8e-9f51-2c4b7d9e1a01";

    /// <summary>Property extension on <c>report</c>: a threat assessment's workflow and key judgements.</summary>
    public const string AssessmentId = "extension-definition--3c7e2a91-0d4f-4b6a-8e27-5f1a9c3d7b02";

    /// <summary>Property extension on every edited object: who made this version and what changed.</summary>
    public const string EditId = "extension-definition--5d2b8f60-7a1c-4e3d-a914-6b0c2e8f4d03";

    /// <summary>Property extension on relationships: the evidence for an observed technique or an attribution.</summary>
    public const string EvidenceId = "extension-definition--1f9a4c7e-3b2d-4a58-b6e0-7d3c5a1e9f04";

    public const string NarrativeId = "extension-definition--6e4d2a8c-9b1f-4c37-8a05-2d7f1b3e6c05";
    public const string ChannelId = "extension-definition--2a8c6e4d-1f9b-4e73-b5a0-3e6c7f1b2d06";
    public const string ResponseId = "extension-definition--9c1e5b3a-4d7f-4a2e-8c69-1b5d3f7a9e07";
    public const string TipId = "extension-definition--4b7d9f1c-2e5a-4c8b-9d36-7a1e3c5f8b08";

    public const string NarrativeType = "x-riposte-narrative";
    public const string ChannelType = "x-riposte-channel";
    public const string ResponseType = "x-riposte-response";
    public const string TipType = "x-riposte-tip";

    public const string PropertyExtension = "property-extension";
    public const string NewSdo = "new-sdo";

    private const string DocsBase = "https://riposte.example/docs/incidents.md#";
    private const string Published = "2026-11-29T00:00:00.000Z";

    /// <summary>Every definition, to publish with (or before) the objects that use them.</summary>
    public static IReadOnlyList<StixObject> Definitions() =>
    [
        Definition(IncidentId, "Riposte FIMI incident", "FIMI category, status workflow, time span, targets, channels, narratives, languages, the FIMI criteria with rationales, evidence and impact of an incident.", "incident-extension", PropertyExtension),
        Definition(AssessmentId, "Riposte threat assessment", "Workflow status and key judgements of a threat assessment report.", "assessment-extension", PropertyExtension),
        Definition(EditId, "Riposte edit record", "Who made this version of an object, and which properties changed.", "edit-extension", PropertyExtension),
        Definition(EvidenceId, "Riposte evidence", "Evidence (posts, clusters, archived items, STIX objects) by reference with SHA-256 hashes.", "evidence-extension", PropertyExtension),
        Definition(NarrativeId, "Riposte narrative", "A narrative: the story a manipulation campaign pushes, as a first-class object.", "narrative", NewSdo),
        Definition(ChannelId, "Riposte channel", "A channel (account, page, site, group) on a platform that carries manipulation.", "channel", NewSdo),
        Definition(ResponseId, "Riposte response", "What members did about an incident: a DISARM counter or one of the mechanism's own actions, with owner, participants, status, dates and outcome.", "response", NewSdo),
        Definition(TipId, "Riposte tip", "A tip submitted by an outreach partner into the triage queue.", "tip", NewSdo),
    ];

    public static bool IsRiposteDefinition(string id) => Definitions().Any(d => d.Id == id);

    private static StixObject Definition(string id, string name, string description, string anchor, string extensionType) => new(new JsonObject
    {
        ["type"] = "extension-definition",
        ["spec_version"] = "2.1",
        ["id"] = id,
        ["created_by_ref"] = RecipientsExtension.PublisherIdentityId,
        ["created"] = Published,
        ["modified"] = Published,
        ["name"] = name,
        ["description"] = description,
        ["schema"] = DocsBase + anchor,
        ["version"] = "1.0.0",
        ["extension_types"] = new JsonArray(extensionType),
        ["object_marking_refs"] = new JsonArray(TlpMarkings.ClearId),
    });

    /// <summary>The properties of one extension on an object, or null.</summary>
    public static JsonObject? Read(StixObject obj, string definitionId) =>
        obj.Json["extensions"] is JsonObject extensions && extensions[definitionId] is JsonObject extension ? extension : null;
}
