using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Riposte.Stix;

namespace Riposte.Storage.Sqlite;

/// <summary>
/// Writes objects and their index rows with commands prepared once and reused for every object: the
/// import hot path, so each object costs one insert plus one per index row it actually has.
/// </summary>
internal sealed class SqliteObjectWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _existing;
    private readonly SqliteCommand _marking;
    private readonly SqliteCommand _label;
    private readonly SqliteCommand _externalId;
    private readonly SqliteCommand _reference;
    private readonly SqliteCommand _text;
    private readonly SqliteCommand _membership;
    private readonly List<SqliteCommand> _all = [];

    public SqliteObjectWriter(SqliteConnection connection)
    {
        _connection = connection;
        _insert = Prepare("""
            INSERT INTO objects (id, version, version_key, type, spec_version, created_by_ref, date_added, is_latest, json, hash)
            VALUES ($id, $version, $key, $type, $spec, $creator, $added,
                    NOT EXISTS (SELECT 1 FROM objects WHERE id = $id AND version_key > $key), CAST($json AS TEXT), $hash)
            ON CONFLICT (id, version_key) DO NOTHING
            """, "$id", "$version", "$key", "$type", "$spec", "$creator", "$added", "$json", "$hash");
        _existing = Prepare("SELECT seq, hash, json FROM objects WHERE id = $id AND version_key = $key", "$id", "$key");
        _marking = Prepare("INSERT OR IGNORE INTO markings (marking_ref, seq) VALUES ($v, $seq)", "$v", "$seq");
        _label = Prepare("INSERT OR IGNORE INTO labels (label, seq) VALUES ($v, $seq)", "$v", "$seq");
        _externalId = Prepare("INSERT OR IGNORE INTO external_ids (external_id, source_name, seq) VALUES ($v, $source, $seq)", "$v", "$source", "$seq");
        _reference = Prepare("INSERT OR IGNORE INTO refs (target_id, property, seq) VALUES ($v, $property, $seq)", "$v", "$property", "$seq");
        _text = Prepare("INSERT INTO object_text (rowid, name, description, other) VALUES ($seq, $name, $description, $other)", "$seq", "$name", "$description", "$other");
        _membership = Prepare("INSERT OR IGNORE INTO collection_objects (collection_id, seq) VALUES ($collection, $seq)", "$collection", "$seq");
    }

    public IReadOnlyList<WriteOutcome> Write(SqliteTransaction transaction, IReadOnlyList<StixObject> objects, string? collectionId, string dateAdded)
    {
        foreach (var command in _all)
            command.Transaction = transaction;
        var outcomes = new WriteOutcome[objects.Count];
        for (var i = 0; i < objects.Count; i++)
            outcomes[i] = WriteOne(objects[i], collectionId, dateAdded);
        return outcomes;
    }

    private WriteOutcome WriteOne(StixObject obj, string? collectionId, string dateAdded)
    {
        var json = obj.ToUtf8Json();
        var hash = SHA256.HashData(json.Span);
        var key = obj.Version?.SortKey ?? "";
        Set(_insert, obj.Id, obj.Version?.Text ?? "", key, obj.Type, obj.SpecVersion, obj.CreatedByRef, dateAdded, AsArray(json), hash);
        if (_insert.ExecuteNonQuery() == 0)
            return Existing(obj, key, hash, collectionId);

        var seq = SQLitePCL.raw.sqlite3_last_insert_rowid(_connection.Handle);
        IndexRows(seq, IndexTerms.From(obj));
        if (collectionId is not null)
            Run(_membership, collectionId, seq);
        return WriteOutcome.Added;
    }

    private WriteOutcome Existing(StixObject obj, string key, byte[] hash, string? collectionId)
    {
        long seq;
        bool same;
        Set(_existing, obj.Id, key);
        using (var reader = _existing.ExecuteReader())
        {
            reader.Read();
            seq = reader.GetInt64(0);
            // Same bytes is the fast answer; otherwise compare as JSON, where property order and number
            // spelling do not count as different content.
            same = hash.AsSpan().SequenceEqual(reader.GetFieldValue<byte[]>(1))
                || JsonNode.DeepEquals(JsonNode.Parse(reader.GetFieldValue<byte[]>(2)), obj.Json);
        }
        if (!same)
            return WriteOutcome.Conflict;
        if (collectionId is not null)
            Run(_membership, collectionId, seq);
        return WriteOutcome.Unchanged;
    }

    private void IndexRows(long seq, IndexTerms terms)
    {
        foreach (var marking in terms.Markings)
            Run(_marking, marking, seq);
        foreach (var label in terms.Labels)
            Run(_label, label, seq);
        foreach (var external in terms.ExternalIds)
            Run(_externalId, external.Id, external.SourceName, seq);
        foreach (var reference in terms.References)
            Run(_reference, reference.TargetId, reference.Property, seq);
        if (terms.HasText)
            Run(_text, seq, terms.Name, terms.Description, terms.OtherText);
    }

    public void Dispose()
    {
        foreach (var command in _all)
            command.Dispose();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        _all.Add(command);
        return command;
    }

    private static byte[] AsArray(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : bytes.ToArray();

    private static void Set(SqliteCommand command, params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    private static void Run(SqliteCommand command, params ReadOnlySpan<object?> values)
    {
        Set(command, values);
        command.ExecuteNonQuery();
    }
}
