using System.Globalization;
using System.Text;
using Npgsql;

namespace Riposte.Storage.Postgres;

/// <summary>Translates a <see cref="StixQuery"/> into one SELECT over <c>stix_objects</c>, ordered by seq.</summary>
internal sealed class PostgresQueryBuilder
{
    public const string Columns = "o.seq, o.json, o.date_added";

    private readonly StringBuilder _sql = new();
    private readonly List<NpgsqlParameter> _parameters = [];

    /// <summary>The column the rows are ordered and resumed by: the membership's seq when the scan walks a collection.</summary>
    private string _sequence = "o.seq";

    public static (string Sql, IReadOnlyList<NpgsqlParameter> Parameters) Build(StixQuery query)
    {
        var b = new PostgresQueryBuilder();
        if (query.CollectionId is { } collection && query.Ids.Count == 0 && query.RelatedTo is null)
        {
            // Walk the collection's (collection_id, seq) key in order: a page costs the same whether the
            // collection is the whole store or a sliver of it.
            b._sql.Append(CultureInfo.InvariantCulture, $"SELECT {Columns} FROM stix_collection_objects c JOIN stix_objects o ON o.seq = c.seq WHERE c.collection_id = {b.P(collection)}");
            b._sequence = "c.seq";
        }
        else
        {
            b._sql.Append(CultureInfo.InvariantCulture, $"SELECT {Columns} FROM stix_objects o WHERE true");
            if (query.CollectionId is { } probed)
                b.And($"EXISTS (SELECT 1 FROM stix_collection_objects c WHERE c.collection_id = {b.P(probed)} AND c.seq = o.seq)");
        }
        b.Any("o.id", query.Ids);
        b.Any("o.type", query.Types);
        b.Any("o.spec_version", query.SpecVersions);
        b.Versions(query);
        if (query.ModifiedFrom is { } from)
            b.And($"o.version_key >= {b.P(VersionKeys.Of(from))}");
        if (query.ModifiedTo is { } to)
            b.And($"o.version_key <> '' AND o.version_key < {b.P(VersionKeys.Of(to))}");
        if (query.AddedAfter is { } added)
            b.And($"o.date_added > {b.P(PostgresInstants.Truncate(added))}");
        if (query.AfterSequence is { } after)
            b.And($"{b._sequence} > {b.P(after)}");
        if (query.MarkingRefs.Count > 0)
            b.And($"EXISTS (SELECT 1 FROM stix_markings m WHERE m.seq = o.seq AND m.marking_ref = ANY({b.P(query.MarkingRefs.ToArray())}))");
        if (query.CreatedByRef is { } creator)
            b.And($"o.created_by_ref = {b.P(creator)}");
        if (query.Label is { } label)
            b.And($"EXISTS (SELECT 1 FROM stix_labels l WHERE l.seq = o.seq AND l.label = {b.P(label)})");
        if (query.ExternalId is { } externalId)
            b.And($"EXISTS (SELECT 1 FROM stix_external_ids e WHERE e.seq = o.seq AND e.external_id = {b.P(externalId)})");
        if (query.RelatedTo is { } related)
            b.Related(related);
        if (query.SourceRefs.Count > 0)
            b.And($"o.seq IN (SELECT r.seq FROM stix_refs r WHERE r.target_id = ANY({b.P(query.SourceRefs.ToArray())}) AND r.property = {b.P(IndexTerms.OutgoingRelationshipProperties[0])})");
        b._sql.Append(" ORDER BY ").Append(b._sequence);
        if (query.Limit is { } limit)
            b._sql.Append(" LIMIT ").Append(b.P((long)Math.Max(0, limit)));
        return (b._sql.ToString(), b._parameters);
    }

    private void Versions(StixQuery query)
    {
        // Within a collection, "latest" and "first" mean among the versions that collection holds (TAXII).
        var scope = query.CollectionId is null
            ? ""
            : $" AND EXISTS (SELECT 1 FROM stix_collection_objects cv WHERE cv.collection_id = {P(query.CollectionId)} AND cv.seq = v.seq)";
        switch (query.Versions)
        {
            case VersionFilter.Latest when query.CollectionId is null:
                And("o.is_latest");
                break;
            case VersionFilter.Latest:
                // The store-wide latest version, when the collection holds it, is the collection's latest too: most
                // rows answer from their own flag and only older versions pay the per-id look-up.
                And($"(o.is_latest OR o.version_key = (SELECT max(v.version_key) FROM stix_objects v WHERE v.id = o.id{scope}))");
                break;
            case VersionFilter.First:
                And($"o.version_key = (SELECT min(v.version_key) FROM stix_objects v WHERE v.id = o.id{scope})");
                break;
            case VersionFilter.Exact:
                And($"o.version_key = ANY({P(query.ExactVersions.Select(VersionKeys.Of).ToArray())})");
                break;
        }
    }

    /// <summary>Relationships and sightings that point at the id, plus the objects at their other ends.</summary>
    private void Related(string id)
    {
        var properties = P(PostgresStixStore.RelationshipProperties(RelationshipDirection.Both));
        var target = P(id);
        And($"""
            (o.seq IN (SELECT r.seq FROM stix_refs r WHERE r.target_id = {target} AND r.property = ANY({properties}))
             OR o.id IN (SELECT other.target_id FROM stix_refs r JOIN stix_objects rel ON rel.seq = r.seq AND rel.is_latest
                         JOIN stix_refs other ON other.seq = r.seq AND other.property = ANY({properties}) AND other.target_id <> {target}
                         WHERE r.target_id = {target} AND r.property = ANY({properties})))
            """);
    }

    private void Any(string column, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
            And($"{column} = ANY({P(values.ToArray())})");
    }

    private void And(string condition) => _sql.Append(" AND ").Append(condition);

    private string P(object value)
    {
        var name = "p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add(new NpgsqlParameter(name, value));
        return "@" + name;
    }
}
