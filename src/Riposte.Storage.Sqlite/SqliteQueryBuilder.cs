using System.Text;
using Microsoft.Data.Sqlite;

namespace Riposte.Storage.Sqlite;

/// <summary>Translates a <see cref="StixQuery"/> into one SELECT over <c>objects</c>, ordered by seq.</summary>
internal sealed class SqliteQueryBuilder
{
    public const string Columns = "o.seq, o.json, o.date_added";

    private readonly StringBuilder _sql = new();
    private readonly List<SqliteParameter> _parameters = [];

    /// <summary>The column the rows are ordered and resumed by: the membership's seq when the scan walks a collection.</summary>
    private string _sequence = "o.seq";

    public static (string Sql, IReadOnlyList<SqliteParameter> Parameters) Build(StixQuery query)
    {
        var b = new SqliteQueryBuilder();
        if (query.CollectionId is { } collection && query.Ids.Count == 0 && query.RelatedTo is null)
        {
            // Walk the collection's (collection_id, seq) key in order and fetch each member by rowid: a page
            // costs the same whether the collection is the whole store or a sliver of it, and no type index
            // tempts the planner into a sort.
            b._sql.Append($"SELECT {Columns} FROM collection_objects c JOIN objects o ON o.seq = c.seq WHERE c.collection_id = {b.P(collection)}");
            b._sequence = "c.seq";
        }
        else
        {
            b._sql.Append($"SELECT {Columns} FROM objects o WHERE 1 = 1");
            if (query.CollectionId is { } probed)
                // With ids (or related ids) the rows are few: find them by id and probe their membership per
                // row; walking the collection instead would read all of it to find them.
                b.And($"EXISTS (SELECT 1 FROM collection_objects c WHERE c.collection_id = {b.P(probed)} AND c.seq = o.seq)");
        }
        b.In("o.id", query.Ids);
        b.In("o.type", query.Types);
        b.In("o.spec_version", query.SpecVersions);
        b.Versions(query);
        if (query.ModifiedFrom is { } from)
            b.And($"o.version_key >= {b.P(SqliteText.VersionKey(from))}");
        if (query.ModifiedTo is { } to)
            b.And($"o.version_key <> '' AND o.version_key < {b.P(SqliteText.VersionKey(to))}");
        if (query.AddedAfter is { } added)
            b.And($"o.date_added > {b.P(SqliteText.Instant(added))}");
        if (query.AfterSequence is { } after)
            b.And($"{b._sequence} > {b.P(after)}");
        if (query.MarkingRefs.Count > 0)
            b.And($"EXISTS (SELECT 1 FROM markings m WHERE m.seq = o.seq AND m.marking_ref IN ({b.List(query.MarkingRefs)}))");
        if (query.CreatedByRef is { } creator)
            b.And($"o.created_by_ref = {b.P(creator)}");
        if (query.Label is { } label)
            b.And($"EXISTS (SELECT 1 FROM labels l WHERE l.seq = o.seq AND l.label = {b.P(label)})");
        if (query.ExternalId is { } externalId)
            b.And($"EXISTS (SELECT 1 FROM external_ids e WHERE e.seq = o.seq AND e.external_id = {b.P(externalId)})");
        if (query.RelatedTo is { } related)
            b.Related(related);
        if (query.SourceRefs.Count > 0)
            b.And($"o.seq IN (SELECT r.seq FROM refs r WHERE r.target_id IN ({b.List(query.SourceRefs)}) AND r.property = {b.P(IndexTerms.OutgoingRelationshipProperties[0])})");
        b._sql.Append(" ORDER BY ").Append(b._sequence);
        if (query.Limit is { } limit)
            b._sql.Append(" LIMIT ").Append(b.P(Math.Max(0, limit)));
        return (b._sql.ToString(), b._parameters);
    }

    private void Versions(StixQuery query)
    {
        // Within a collection, "latest" and "first" mean among the versions that collection holds (TAXII).
        var scope = query.CollectionId is null
            ? ""
            : $" AND EXISTS (SELECT 1 FROM collection_objects cv WHERE cv.collection_id = {P(query.CollectionId)} AND cv.seq = v.seq)";
        switch (query.Versions)
        {
            case VersionFilter.Latest when query.CollectionId is null:
                And("o.is_latest = 1");
                break;
            case VersionFilter.Latest:
                // The store-wide latest version, when the collection holds it, is the collection's latest too: most
                // rows answer from their own is_latest flag and only older versions pay the per-id look-up.
                And($"(o.is_latest = 1 OR o.version_key = (SELECT max(v.version_key) FROM objects v WHERE v.id = o.id{scope}))");
                break;
            case VersionFilter.First:
                And($"o.version_key = (SELECT min(v.version_key) FROM objects v WHERE v.id = o.id{scope})");
                break;
            case VersionFilter.Exact:
                And($"o.version_key IN ({List(query.ExactVersions.Select(SqliteText.VersionKey).ToList())})");
                break;
        }
    }

    /// <summary>Relationships and sightings that point at the id, plus the objects at their other ends.</summary>
    private void Related(string id)
    {
        var properties = List([.. IndexTerms.OutgoingRelationshipProperties, .. IndexTerms.IncomingRelationshipProperties]);
        var target = P(id);
        And($"""
            (o.seq IN (SELECT r.seq FROM refs r WHERE r.target_id = {target} AND r.property IN ({properties}))
             OR o.id IN (SELECT other.target_id FROM refs r JOIN objects rel ON rel.seq = r.seq AND rel.is_latest = 1
                         JOIN refs other ON other.seq = r.seq AND other.property IN ({properties}) AND other.target_id <> {target}
                         WHERE r.target_id = {target} AND r.property IN ({properties})))
            """);
    }

    private void In(string column, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
            And($"{column} IN ({List(values)})");
    }

    private void And(string condition) => _sql.Append(" AND ").Append(condition);

    private string List(IReadOnlyList<string> values) =>
        values.Count == 0 ? "NULL" : string.Join(", ", values.Select(v => P(v)));

    private string P(object value)
    {
        var name = "$p" + _parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _parameters.Add(new SqliteParameter(name, value));
        return name;
    }
}
