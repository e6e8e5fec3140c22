using Riposte.Stix;
using Riposte.Taxonomy.Stix;

namespace Riposte.Taxonomy;

/// <summary>Builds a <see cref="DisarmFramework"/> from DISARM's CSVs and STIX bundle, checking every cross-reference.</summary>
internal static class DisarmFrameworkReader
{
    public static DisarmFramework Read(DisarmDataSource data)
    {
        var bundle = DisarmBundleReader.Read(data);
        var stixById = bundle.GroupBy(o => o.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var phases = ReadPhases(data);
        var tactics = ReadTactics(data, phases, stixById);
        var techniques = ReadTechniques(data, tactics, stixById);
        var metatechniques = ReadSimple(data, "metatechniques.csv", "metatechnique_id", (id, name, summary) => new DisarmMetatechnique(id, name, summary));
        var responseTypes = ReadSimple(data, "responsetypes.csv", "responsetype_id", (id, name, summary) => new DisarmResponseType(id, name, summary));
        var actorTypes = ReadActorTypes(data);
        var counterRefs = ReadReferences(data, "counter_techniques.csv", "counter_id");
        var detectionRefs = ReadReferences(data, "detection_techniques.csv", "detection_id");

        var counters = new List<DisarmCounter>();
        var table = CsvTable.Read(data, "counters.csv", "counter_id", "name", "summary", "tactic_id", "tactic_label_in_source",
            "metatechnique_ids", "responsetype_id", "actortype_ids", "tags", "url");
        foreach (var row in table.Rows)
        {
            var id = row.Required("counter_id");
            var metas = row.List("metatechnique_ids");
            var actors = row.List("actortype_ids");
            counters.Add(new DisarmCounter(
                id,
                row.Required("name"),
                row.Get("summary"),
                Known(row, "tactic_id", tactics),
                row.Get("tactic_label_in_source"),
                KnownAll(row, "metatechnique_ids", metas, metatechniques),
                KnownOptional(row, "responsetype_id", responseTypes),
                KnownAll(row, "actortype_ids", actors, actorTypes),
                row.Words("tags"),
                counterRefs.GetValueOrDefault(id) ?? [],
                row.Get("url")));
        }

        var detections = new List<DisarmDetection>();
        table = CsvTable.Read(data, "detections.csv", "detection_id", "name", "summary", "tactic_id", "tactic_label_in_source",
            "responsetype_id", "actortype_ids", "tags", "url");
        foreach (var row in table.Rows)
        {
            var id = row.Required("detection_id");
            detections.Add(new DisarmDetection(
                id,
                row.Required("name"),
                row.Get("summary"),
                KnownOptional(row, "tactic_id", tactics),
                row.Get("tactic_label_in_source"),
                KnownOptional(row, "responsetype_id", responseTypes),
                KnownAll(row, "actortype_ids", row.List("actortype_ids"), actorTypes),
                row.Words("tags"),
                detectionRefs.GetValueOrDefault(id) ?? [],
                row.Get("url")));
        }

        return new DisarmFramework(
            data.Version, phases.Values.ToList(), tactics.Values.ToList(), techniques, counters, detections,
            metatechniques.Values.ToList(), responseTypes.Values.ToList(), actorTypes.Values.ToList(), bundle);
    }

    private static Dictionary<string, DisarmPhase> ReadPhases(DisarmDataSource data)
    {
        var table = CsvTable.Read(data, "phases.csv", "phase_id", "name", "rank", "summary", "url");
        return Index(table, "phase_id", row => new DisarmPhase(
            row.Required("phase_id"), row.Required("name"), row.Int("rank"), row.Get("summary"), row.Get("url")));
    }

    private static Dictionary<string, DisarmTactic> ReadTactics(
        DisarmDataSource data, Dictionary<string, DisarmPhase> phases, Dictionary<string, StixObject> stix)
    {
        var table = CsvTable.Read(data, "tactics.csv", "tactic_id", "name", "phase_id", "rank", "summary", "stix_id", "url");
        return Index(table, "tactic_id", row =>
        {
            var stixId = row.Required("stix_id");
            var shortName = StixFor(row, "stix_id", stix, "x-mitre-tactic").GetString("x_mitre_shortname")
                ?? throw new DisarmDataException($"{row.Where("stix_id")}: {stixId} has no x_mitre_shortname");
            return new DisarmTactic(row.Required("tactic_id"), row.Required("name"), Known(row, "phase_id", phases),
                row.Int("rank"), row.Get("summary"), stixId, shortName, row.Get("url"));
        });
    }

    private static List<DisarmTechnique> ReadTechniques(
        DisarmDataSource data, Dictionary<string, DisarmTactic> tactics, Dictionary<string, StixObject> stix)
    {
        var table = CsvTable.Read(data, "techniques.csv", "technique_id", "name", "parent_id", "tactic_id", "summary",
            "version_note", "stix_id", "url");
        var techniques = Index(table, "technique_id", row =>
        {
            StixFor(row, "stix_id", stix, "attack-pattern");
            return new DisarmTechnique(row.Required("technique_id"), row.Required("name"), row.Optional("parent_id"),
                Known(row, "tactic_id", tactics), row.Get("summary"), row.Get("version_note"), row.Required("stix_id"), row.Get("url"));
        });
        foreach (var row in table.Rows)
        {
            var id = row.Get("technique_id");
            var dot = id.IndexOf('.', StringComparison.Ordinal);
            var expectedParent = dot < 0 ? null : id[..dot];
            var parent = row.Optional("parent_id");
            if (parent != expectedParent)
                throw new DisarmDataException($"{row.Where("parent_id")}: '{parent}' is not the parent of {id} (expected '{expectedParent}')");
            if (parent is not null && !techniques.ContainsKey(parent))
                throw new DisarmDataException($"{row.Where("parent_id")}: parent technique '{parent}' is not in the file");
        }
        return techniques.Values.ToList();
    }

    private static Dictionary<string, T> ReadSimple<T>(DisarmDataSource data, string file, string idColumn, Func<string, string, string, T> create) =>
        Index(CsvTable.Read(data, file, idColumn, "name", "summary"), idColumn,
            row => create(row.Required(idColumn), row.Required("name"), row.Get("summary")));

    private static Dictionary<string, DisarmActorType> ReadActorTypes(DisarmDataSource data) =>
        Index(CsvTable.Read(data, "actortypes.csv", "actortype_id", "name", "summary", "sector_ids", "framework_ids"), "actortype_id",
            row => new DisarmActorType(row.Required("actortype_id"), row.Required("name"), row.Get("summary"),
                row.List("sector_ids"), row.List("framework_ids")));

    private static Dictionary<string, List<DisarmReference>> ReadReferences(DisarmDataSource data, string file, string ownerColumn)
    {
        var table = CsvTable.Read(data, file, ownerColumn, "ref_kind", "ref_id", "ref_name_in_source",
            "ref_id_exists_in_current", "current_name", "name_matches_current");
        var byOwner = new Dictionary<string, List<DisarmReference>>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var kind = row.Get("ref_kind") switch
            {
                "technique" => DisarmReferenceKind.Technique,
                "tactic" => DisarmReferenceKind.Tactic,
                "all" => DisarmReferenceKind.All,
                "unparsed" => DisarmReferenceKind.Unparsed,
                var other => throw new DisarmDataException($"{row.Where("ref_kind")}: unknown reference kind '{other}'"),
            };
            var owner = row.Required(ownerColumn);
            if (!byOwner.TryGetValue(owner, out var list))
                byOwner[owner] = list = [];
            list.Add(new DisarmReference(kind, row.Get("ref_id"), row.Get("ref_name_in_source"), row.Bool("ref_id_exists_in_current"),
                row.Optional("current_name"), row.OptionalBool("name_matches_current")));
        }
        return byOwner;
    }

    private static Dictionary<string, T> Index<T>(CsvTable table, string idColumn, Func<CsvRow, T> create)
    {
        var byId = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            if (!byId.TryAdd(row.Required(idColumn), create(row)))
                throw new DisarmDataException($"{row.Where(idColumn)}: duplicate id '{row.Get(idColumn)}'");
        }
        return byId;
    }

    private static string Known<T>(CsvRow row, string column, IReadOnlyDictionary<string, T> known)
    {
        var id = row.Required(column);
        return known.ContainsKey(id) ? id : throw new DisarmDataException($"{row.Where(column)}: unknown id '{id}'");
    }

    private static string? KnownOptional<T>(CsvRow row, string column, IReadOnlyDictionary<string, T> known) =>
        row.Optional(column) is null ? null : Known(row, column, known);

    private static IReadOnlyList<string> KnownAll<T>(CsvRow row, string column, IReadOnlyList<string> ids, IReadOnlyDictionary<string, T> known)
    {
        foreach (var id in ids)
        {
            if (!known.ContainsKey(id))
                throw new DisarmDataException($"{row.Where(column)}: unknown id '{id}'");
        }
        return ids;
    }

    private static StixObject StixFor(CsvRow row, string column, Dictionary<string, StixObject> stix, string expectedType)
    {
        var id = row.Required(column);
        if (!stix.TryGetValue(id, out var obj))
            throw new DisarmDataException($"{row.Where(column)}: '{id}' is not in {DisarmBundleReader.FileName}");
        return obj.Type == expectedType
            ? obj
            : throw new DisarmDataException($"{row.Where(column)}: '{id}' is a {obj.Type}, expected {expectedType}");
    }
}
