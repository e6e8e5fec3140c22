using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Riposte.Stix;
using SQLitePCL;

namespace Riposte.Storage.Sqlite;

/// <summary>
/// Writes objects and their index rows with statements prepared once and reused for every object: the
/// import hot path, so each object costs one insert plus one per index row it actually has.
/// </summary>
internal sealed class SqliteObjectWriter : IDisposable
{
    private readonly RawStatement _insert;
    private readonly RawStatement _existing;
    private readonly RawStatement _marking;
    private readonly RawStatement _label;
    private readonly RawStatement _externalId;
    private readonly RawStatement _reference;
    private readonly RawStatement _text;
    private readonly RawStatement _membership;

    public SqliteObjectWriter(SqliteConnection connection)
    {
        _insert = new RawStatement(connection, """
            INSERT INTO objects (id, version, version_key, type, spec_version, created_by_ref, date_added, is_latest, json, hash)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NOT EXISTS (SELECT 1 FROM objects WHERE id = ?1 AND version_key > ?3), CAST(?8 AS TEXT), ?9)
            ON CONFLICT (id, version_key) DO NOTHING
            """);
        _existing = new RawStatement(connection, "SELECT seq, hash, json FROM objects WHERE id = ?1 AND version_key = ?2");
        _marking = new RawStatement(connection, "INSERT OR IGNORE INTO markings (marking_ref, seq) VALUES (?1, ?2)");
        _label = new RawStatement(connection, "INSERT OR IGNORE INTO labels (label, seq) VALUES (?1, ?2)");
        _externalId = new RawStatement(connection, "INSERT OR IGNORE INTO external_ids (external_id, source_name, seq) VALUES (?1, ?2, ?3)");
        _reference = new RawStatement(connection, "INSERT OR IGNORE INTO refs (target_id, property, seq) VALUES (?1, ?2, ?3)");
        _text = new RawStatement(connection, "INSERT INTO object_text (rowid, name, description, other) VALUES (?1, ?2, ?3, ?4)");
        _membership = new RawStatement(connection, "INSERT OR IGNORE INTO collection_objects (collection_id, seq) VALUES (?1, ?2)");
    }

    /// <summary>Writes a batch; the caller owns the transaction around it.</summary>
    public IReadOnlyList<WriteOutcome> Write(IReadOnlyList<StixObject> objects, string? collectionId, string dateAdded)
    {
        var outcomes = new WriteOutcome[objects.Count];
        for (var i = 0; i < objects.Count; i++)
            outcomes[i] = WriteOne(objects[i], collectionId, dateAdded);
        return outcomes;
    }

    private WriteOutcome WriteOne(StixObject obj, string? collectionId, string dateAdded)
    {
        var json = obj.ToUtf8Json().Span;
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(json, hash);
        var key = obj.Version?.SortKey ?? "";
        var inserted = _insert.Text(1, obj.Id).Text(2, obj.Version?.Text ?? "").Text(3, key).Text(4, obj.Type)
            .Text(5, obj.SpecVersion).Text(6, obj.CreatedByRef).Text(7, dateAdded).Blob(8, json).Blob(9, hash)
            .Execute();
        if (inserted == 0)
            return Existing(obj, key, hash.ToArray(), collectionId);

        var seq = _insert.LastInsertRowId;
        IndexRows(seq, IndexTerms.From(obj));
        if (collectionId is not null)
            _membership.Text(1, collectionId).Int(2, seq).Execute();
        return WriteOutcome.Added;
    }

    private WriteOutcome Existing(StixObject obj, string key, byte[] hash, string? collectionId)
    {
        long seq = 0;
        var same = false;
        _existing.Text(1, obj.Id).Text(2, key).ReadFirst(row =>
        {
            seq = raw.sqlite3_column_int64(row, 0);
            // Same bytes is the fast answer; otherwise compare as JSON, where property order and
            // insignificant spelling differences do not count as different content.
            same = hash.AsSpan().SequenceEqual(raw.sqlite3_column_blob(row, 1))
                || JsonNode.DeepEquals(JsonNode.Parse(raw.sqlite3_column_blob(row, 2)), obj.Json);
        });
        if (!same)
            return WriteOutcome.Conflict;
        if (collectionId is not null)
            _membership.Text(1, collectionId).Int(2, seq).Execute();
        return WriteOutcome.Unchanged;
    }

    private void IndexRows(long seq, IndexTerms terms)
    {
        foreach (var marking in terms.Markings)
            _marking.Text(1, marking).Int(2, seq).Execute();
        foreach (var label in terms.Labels)
            _label.Text(1, label).Int(2, seq).Execute();
        foreach (var external in terms.ExternalIds)
            _externalId.Text(1, external.Id).Text(2, external.SourceName).Int(3, seq).Execute();
        foreach (var reference in terms.References)
            _reference.Text(1, reference.TargetId).Text(2, reference.Property).Int(3, seq).Execute();
        if (terms.HasText)
            _text.Int(1, seq).Text(2, terms.Name).Text(3, terms.Description).Text(4, terms.OtherText).Execute();
    }

    public void Dispose()
    {
        foreach (var statement in (RawStatement[])[_insert, _existing, _marking, _label, _externalId, _reference, _text, _membership])
            statement.Dispose();
    }
}
