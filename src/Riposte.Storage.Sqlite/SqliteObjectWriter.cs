using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Riposte.Stix;
using SQLitePCL;

namespace Riposte.Storage.Sqlite;

/// <summary>
/// Writes objects and their index rows with statements prepared once and reused for every object: the
/// import hot path, so each object costs one look-up, one insert and one insert per index row it has.
/// </summary>
/// <remarks>
/// Two choices keep the full-text index cheap. The latest flag is kept here rather than by a trigger: a
/// trigger gives every insert a statement journal, and SQLite then asks FTS5 for a savepoint, which
/// flushes FTS5's pending terms as a tiny segment per object (half the write cost, measured). And the
/// full-text rows of a batch are written together at its end, in sequence order, so FTS5 builds one
/// segment per batch in memory.
/// </remarks>
internal sealed class SqliteObjectWriter : IDisposable
{
    /// <summary>Where an incoming version stands against the versions stored under its id.</summary>
    private enum Standing
    {
        FirstVersion = 0,
        NewerThanLatest = 1,
        SameAsLatest = 2,
        OlderThanLatest = 3,
    }

    private readonly RawStatement _standing;
    private readonly RawStatement _insert;
    private readonly RawStatement _retireLatest;
    private readonly RawStatement _existing;
    private readonly RawStatement _marking;
    private readonly RawStatement _label;
    private readonly RawStatement _externalId;
    private readonly RawStatement _reference;
    private readonly RawStatement _text;
    private readonly RawStatement _membership;
    private readonly List<(long Seq, IndexTerms Terms)> _pendingText = [];

    public SqliteObjectWriter(SqliteConnection connection)
    {
        _standing = new RawStatement(connection, """
            SELECT CASE WHEN latest IS NULL THEN 0 WHEN latest < ?2 THEN 1 WHEN latest = ?2 THEN 2 ELSE 3 END
            FROM (SELECT max(version_key) AS latest FROM objects WHERE id = ?1)
            """);
        _insert = new RawStatement(connection, """
            INSERT INTO objects (id, version, version_key, type, spec_version, created_by_ref, date_added, is_latest, json)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, CAST(?9 AS TEXT))
            """);
        _retireLatest = new RawStatement(connection, "UPDATE objects SET is_latest = 0 WHERE id = ?1 AND is_latest = 1");
        _existing = new RawStatement(connection, "SELECT seq, json FROM objects WHERE id = ?1 AND version_key = ?2");
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
        try
        {
            for (var i = 0; i < objects.Count; i++)
                outcomes[i] = WriteOne(objects[i], collectionId, dateAdded);
            WritePendingText();
        }
        finally
        {
            _pendingText.Clear();
        }
        return outcomes;
    }

    private WriteOutcome WriteOne(StixObject obj, string? collectionId, string dateAdded)
    {
        var json = obj.ToUtf8Json();
        var key = obj.Version?.SortKey ?? "";
        var standing = (Standing)_standing.Text(1, obj.Id).Text(2, key).FirstInt64(0);
        switch (standing)
        {
            case Standing.SameAsLatest:
                return Existing(obj, key, json, collectionId) ?? throw new InvalidOperationException($"{obj}: the latest version vanished while writing");
            case Standing.OlderThanLatest when Existing(obj, key, json, collectionId) is { } outcome:
                return outcome;
            case Standing.NewerThanLatest:
                _retireLatest.Text(1, obj.Id).Execute();
                break;
        }

        _insert.Text(1, obj.Id).Text(2, obj.Version?.Text ?? "").Text(3, key).Text(4, obj.Type)
            .Text(5, obj.SpecVersion).Text(6, obj.CreatedByRef).Text(7, dateAdded).Int(8, standing == Standing.OlderThanLatest ? 0 : 1)
            .Blob(9, json.Span)
            .Execute();
        var seq = _insert.LastInsertRowId;
        var terms = IndexTerms.From(obj);
        IndexRows(seq, terms);
        if (terms.HasText)
            _pendingText.Add((seq, terms));
        if (collectionId is not null)
            _membership.Text(1, collectionId).Int(2, seq).Execute();
        return WriteOutcome.Added;
    }

    /// <summary>The outcome for an (id, version) already stored, or null when it is not.</summary>
    private WriteOutcome? Existing(StixObject obj, string key, ReadOnlyMemory<byte> json, string? collectionId)
    {
        long seq = 0;
        var same = false;
        var found = _existing.Text(1, obj.Id).Text(2, key).ReadFirst(row =>
        {
            seq = raw.sqlite3_column_int64(row, 0);
            // Same bytes is the fast answer; otherwise compare as JSON, where property order and
            // insignificant spelling differences do not count as different content.
            var stored = raw.sqlite3_column_blob(row, 1);
            same = json.Span.SequenceEqual(stored) || JsonNode.DeepEquals(JsonNode.Parse(stored), obj.Json);
        });
        if (!found)
            return null;
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
    }

    private void WritePendingText()
    {
        foreach (var (seq, terms) in _pendingText)
            _text.Int(1, seq).Text(2, terms.Name).Text(3, terms.Description).Text(4, terms.OtherText).Execute();
    }

    public void Dispose()
    {
        foreach (var statement in (RawStatement[])[_standing, _insert, _retireLatest, _existing, _marking, _label, _externalId, _reference, _text, _membership])
            statement.Dispose();
    }
}
