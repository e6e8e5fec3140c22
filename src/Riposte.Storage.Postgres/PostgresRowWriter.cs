using Npgsql;

namespace Riposte.Storage.Postgres;

/// <summary>
/// Inserts a batch's new rows and their index rows as one statement per table, each reading whole columns
/// from array parameters (<c>unnest</c>): the batch costs a handful of statements, not several per object.
/// </summary>
internal static class PostgresRowWriter
{
    public static void AddInserts(NpgsqlBatch batch, IReadOnlyList<NewRow> rows, DateTimeOffset dateAdded)
    {
        var n = rows.Count;
        var seqs = new long[n];
        var ids = new string[n];
        var versions = new string[n];
        var keys = new string[n];
        var types = new string[n];
        var specVersions = new string?[n];
        var creators = new string?[n];
        var latest = new bool[n];
        var json = new byte[n][];
        var names = new string?[n];
        var descriptions = new string?[n];
        var others = new string?[n];
        var markings = new Pairs();
        var labels = new Pairs();
        var references = new Pairs();
        var externalIds = new List<string>();
        var externalSources = new List<string>();
        var externalSeqs = new List<long>();
        for (var i = 0; i < n; i++)
        {
            var row = rows[i];
            var (obj, terms) = (row.Prepared.Object, row.Prepared.Terms);
            seqs[i] = row.Seq;
            ids[i] = obj.Id;
            versions[i] = obj.Version?.Text ?? "";
            keys[i] = row.Prepared.VersionKey;
            types[i] = obj.Type;
            specVersions[i] = obj.SpecVersion;
            creators[i] = obj.CreatedByRef;
            latest[i] = row.IsLatest;
            json[i] = row.Prepared.Json.ToArray();
            names[i] = row.Prepared.FoldedName;
            descriptions[i] = row.Prepared.FoldedDescription;
            others[i] = row.Prepared.FoldedOther;
            foreach (var marking in terms.Markings)
                markings.Add(marking, row.Seq);
            foreach (var label in terms.Labels)
                labels.Add(label, row.Seq);
            foreach (var reference in terms.References)
                references.Add(reference.TargetId, row.Seq, reference.Property);
            foreach (var external in terms.ExternalIds)
            {
                externalIds.Add(external.Id);
                externalSources.Add(external.SourceName);
                externalSeqs.Add(row.Seq);
            }
        }

        PostgresWriteTransaction.Add(batch, """
            INSERT INTO stix_objects (seq, id, version, version_key, type, spec_version, created_by_ref, date_added, is_latest, json, search)
            SELECT r.seq, r.id, r.version, r.version_key, r.type, r.spec_version, r.created_by_ref, @date_added, r.is_latest, r.json,
                   setweight(to_tsvector('simple', coalesce(r.name, '')), 'A')
                || setweight(to_tsvector('simple', coalesce(r.description, '')), 'B')
                || setweight(to_tsvector('simple', coalesce(r.other, '')), 'C')
            FROM unnest(@seqs, @ids, @versions, @keys, @types, @spec_versions, @creators, @latest, @json, @names, @descriptions, @others)
                AS r(seq, id, version, version_key, type, spec_version, created_by_ref, is_latest, json, name, description, other)
            """,
            ("date_added", dateAdded), ("seqs", seqs), ("ids", ids), ("versions", versions), ("keys", keys), ("types", types),
            ("spec_versions", specVersions), ("creators", creators), ("latest", latest), ("json", json),
            ("names", names), ("descriptions", descriptions), ("others", others));
        if (markings.Count > 0)
            PostgresWriteTransaction.Add(batch, "INSERT INTO stix_markings (marking_ref, seq) SELECT * FROM unnest(@values, @seqs) ON CONFLICT DO NOTHING",
                ("values", markings.Values.ToArray()), ("seqs", markings.Seqs.ToArray()));
        if (labels.Count > 0)
            PostgresWriteTransaction.Add(batch, "INSERT INTO stix_labels (label, seq) SELECT * FROM unnest(@values, @seqs) ON CONFLICT DO NOTHING",
                ("values", labels.Values.ToArray()), ("seqs", labels.Seqs.ToArray()));
        if (references.Count > 0)
            PostgresWriteTransaction.Add(batch, "INSERT INTO stix_refs (target_id, property, seq) SELECT * FROM unnest(@values, @properties, @seqs) ON CONFLICT DO NOTHING",
                ("values", references.Values.ToArray()), ("properties", references.Properties.ToArray()), ("seqs", references.Seqs.ToArray()));
        if (externalIds.Count > 0)
            PostgresWriteTransaction.Add(batch, "INSERT INTO stix_external_ids (external_id, source_name, seq) SELECT * FROM unnest(@values, @sources, @seqs) ON CONFLICT DO NOTHING",
                ("values", externalIds.ToArray()), ("sources", externalSources.ToArray()), ("seqs", externalSeqs.ToArray()));
    }

    /// <summary>Index rows as parallel columns.</summary>
    private sealed class Pairs
    {
        public List<string> Values { get; } = [];
        public List<long> Seqs { get; } = [];
        public List<string> Properties { get; } = [];
        public int Count => Values.Count;

        public void Add(string value, long seq, string? property = null)
        {
            Values.Add(value);
            Seqs.Add(seq);
            if (property is not null)
                Properties.Add(property);
        }
    }
}
