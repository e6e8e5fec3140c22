using System.Globalization;
using System.Text.Json.Nodes;
using Riposte.Access;
using Riposte.Storage.Access;
using Riposte.Incidents.Model;

namespace Riposte.Cli.Seeding;

/// <summary>One thing incidents point at, with the facts the generator needs to stay consistent.</summary>
internal sealed record SeededRef(string Id, string Name, string Tlp, int Country = -1, string? Platform = null, string? Sponsor = null);

/// <summary>An election or major event of a year in one country.</summary>
internal sealed record SeededEvent(string Name, int Country, DateTimeOffset Date, bool IsElection);

/// <summary>
/// The objects that live across years — organisations, countries, target organisations and people,
/// actors, intrusion sets, narratives and channels — built once per seed before the incidents.
/// </summary>
internal sealed class DemoCatalogue
{
    public List<JsonObject> Objects { get; } = [];
    public List<(string Id, string Name, TrustTier Tier)> Organisations { get; } = [];
    public List<string> Members { get; } = [];
    public List<string> Partners { get; } = [];
    public List<SeededRef> Countries { get; } = [];
    public List<SeededRef> Targets { get; } = [];
    public List<SeededRef> Actors { get; } = [];
    public List<SeededRef> Narratives { get; } = [];
    public List<SeededRef> Channels { get; } = [];

    public static DemoCatalogue Build(SeedRandom random, int year)
    {
        var catalogue = new DemoCatalogue();
        var origin = new DateTimeOffset(year - 2, 1, 5, 9, 0, 0, TimeSpan.Zero);
        catalogue.AddOrganisations(origin);
        catalogue.AddCountries(random, origin);
        catalogue.AddActors(random, origin);
        catalogue.AddNarratives(random, origin);
        catalogue.AddChannels(random, origin);
        return catalogue;
    }

    /// <summary>Elections and events of a year: one election in most countries, a few summits.</summary>
    public static List<SeededEvent> Events(SeedRandom random, int year)
    {
        var events = new List<SeededEvent>();
        for (var c = 0; c < DemoWorld.Countries.Length; c++)
        {
            if (!random.Chance(0.5))
                continue;
            var date = new DateTimeOffset(year, random.Between(2, 12), random.Between(1, 28), 0, 0, 0, TimeSpan.Zero);
            var kind = random.Pick(DemoWorld.ElectionKinds);
            events.Add(new SeededEvent($"{year} {DemoWorld.Countries[c].Name} {kind}", c, date, true));
        }
        foreach (var kind in random.Several(DemoWorld.OtherEvents, 2))
        {
            var c = random.Next(DemoWorld.Countries.Length);
            var date = new DateTimeOffset(year, random.Between(1, 12), random.Between(1, 28), 0, 0, 0, TimeSpan.Zero);
            events.Add(new SeededEvent($"{year} {DemoWorld.Countries[c].Name} {kind}", c, date, false));
        }
        return [.. events.OrderBy(e => e.Date)];
    }

    private void AddOrganisations(DateTimeOffset created)
    {
        foreach (var org in DemoWorld.Members.Concat(DemoWorld.Partners))
        {
            var id = SeedObjects.OrganisationId(org.Name);
            var json = SeedObjects.Sdo("identity", id, created, null, "clear");
            json["name"] = org.Name;
            json["identity_class"] = "organization";
            json["sectors"] = SeedObjects.Strings([org.Sector]);
            Objects.Add(json);
            Organisations.Add((id, org.Name, org.Tier));
            (org.Tier == TrustTier.Member ? Members : Partners).Add(id);
        }
    }

    private void AddCountries(SeedRandom random, DateTimeOffset created)
    {
        for (var c = 0; c < DemoWorld.Countries.Length; c++)
        {
            var country = DemoWorld.Countries[c];
            var location = SeedObjects.Sdo("location", random.Id("location"), created, Members[0], "clear");
            location["name"] = country.Name;
            location["region"] = country.Region;
            Objects.Add(location);
            Countries.Add(new SeededRef((string)location["id"]!, country.Name, "clear", c));

            // Who campaigns aim at: public bodies (CLEAR), and journalists and officials by name (held close).
            AddTarget(random, created, c, $"{country.Name} Electoral Commission", "organization", "elections", "clear");
            AddTarget(random, created, c, $"{country.Name} Ministry of Health", "organization", "healthcare", "clear");
            AddTarget(random, created, c, $"{country.Name} Public Broadcaster", "organization", "communications", "green");
            AddTarget(random, created, c, $"Investigative journalist {c + 1}A ({country.Name})", "individual", "communications", "amber");
            AddTarget(random, created, c, $"Opposition politician {c + 1}B ({country.Name})", "individual", "government-national", "amber+strict");
        }
    }

    private void AddTarget(SeedRandom random, DateTimeOffset created, int country, string name, string identityClass, string sector, string tlp)
    {
        var json = SeedObjects.Sdo("identity", random.Id("identity"), created, random.Pick(Members), tlp);
        json["name"] = name;
        json["identity_class"] = identityClass;
        json["sectors"] = SeedObjects.Strings([sector]);
        Objects.Add(json);
        Targets.Add(new SeededRef((string)json["id"]!, name, tlp, country));
    }

    private void AddActors(SeedRandom random, DateTimeOffset created)
    {
        var actorBySponsor = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var actor in DemoWorld.ThreatActors)
        {
            var json = SeedObjects.Sdo("threat-actor", random.Id("threat-actor"), created, random.Pick(Members), actor.Tlp);
            json["name"] = actor.Name;
            json["threat_actor_types"] = SeedObjects.Strings([actor.Type]);
            json["description"] = $"Operates information campaigns on behalf of {actor.Sponsor}.";
            Objects.Add(json);
            Actors.Add(new SeededRef((string)json["id"]!, actor.Name, actor.Tlp, Sponsor: actor.Sponsor));
            actorBySponsor.TryAdd(actor.Sponsor, (string)json["id"]!);
        }
        foreach (var set in DemoWorld.IntrusionSets)
        {
            var by = random.Pick(Members);
            var json = SeedObjects.Sdo("intrusion-set", random.Id("intrusion-set"), created, by, set.Tlp);
            json["name"] = set.Name;
            json["goals"] = SeedObjects.Strings([set.Type]);
            Objects.Add(json);
            Actors.Add(new SeededRef((string)json["id"]!, set.Name, set.Tlp, Sponsor: set.Sponsor));
            // The set is run by its sponsor's first actor, at the more restrictive of the two markings.
            var owner = Actors.First(a => a.Id == actorBySponsor[set.Sponsor]);
            var tlp = Stricter(set.Tlp, owner.Tlp);
            Objects.Add(SeedObjects.Relationship(random, "attributed-to", (string)json["id"]!, owner.Id, created, by, tlp));
        }
    }

    private void AddNarratives(SeedRandom random, DateTimeOffset created)
    {
        for (var c = 0; c < DemoWorld.Countries.Length; c++)
        {
            foreach (var template in random.Several(DemoWorld.NarrativeTemplates, 4))
            {
                var tlp = SeedObjects.Tlps[random.Weighted(SeedObjects.TlpWeights)];
                var json = SeedObjects.Sdo(RiposteExtensions.NarrativeType, random.Id(RiposteExtensions.NarrativeType), created, random.Pick(Members), tlp);
                var name = string.Format(CultureInfo.InvariantCulture, template, DemoWorld.Countries[c].Name);
                json["name"] = name;
                json["languages"] = SeedObjects.Strings([DemoWorld.Countries[c].Language]);
                SeedObjects.NewSdo(json, RiposteExtensions.NarrativeId);
                Objects.Add(json);
                Narratives.Add(new SeededRef((string)json["id"]!, name, tlp, c));
            }
        }
    }

    private void AddChannels(SeedRandom random, DateTimeOffset created)
    {
        foreach (var platform in DemoWorld.Platforms)
        {
            for (var i = 1; i <= platform.Channels; i++)
            {
                var tlp = SeedObjects.Tlps[random.Weighted(SeedObjects.TlpWeights)];
                var country = random.Next(DemoWorld.Countries.Length);
                var handle = $"{platform.HandlePrefix}{DemoWorld.Countries[country].Name.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()}_{random.Hex(3)}";
                var json = SeedObjects.Sdo(RiposteExtensions.ChannelType, random.Id(RiposteExtensions.ChannelType), created, random.Pick(Members), tlp);
                json["name"] = handle;
                json["platform"] = platform.Name;
                json["handle"] = handle;
                SeedObjects.NewSdo(json, RiposteExtensions.ChannelId);
                Objects.Add(json);
                Channels.Add(new SeededRef((string)json["id"]!, handle, tlp, country, platform.Name));
            }
        }
    }

    public static string Stricter(string a, string b) =>
        Array.IndexOf(SeedObjects.Tlps, a) >= Array.IndexOf(SeedObjects.Tlps, b) ? a : b;
}
