using Npgsql;
using Riposte.Stix;

namespace Riposte.Storage.Postgres;

public sealed partial class PostgresStixStore
{
    /// <summary>Under the write lock, so the re-election of the latest version cannot race a writer of the same id.</summary>
    public int Delete(string id, string? version = null, string? collectionId = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var write = PostgresWriteTransaction.Begin(_source, _clock.GetUtcNow());
        var key = version is null ? null : VersionKeys.Of(version);
        var deleted = collectionId is null ? DeleteVersions(write, id, key) : LeaveCollection(write, id, key, collectionId);
        write.Commit();
        return deleted;
    }

    private static int LeaveCollection(PostgresWriteTransaction write, string id, string? key, string collectionId)
    {
        using var command = write.Command("""
            DELETE FROM stix_collection_objects WHERE collection_id = @collection
              AND seq IN (SELECT seq FROM stix_objects WHERE id = @id AND (@key::text IS NULL OR version_key = @key))
            """);
        AddVersionParameters(command, id, key);
        command.Parameters.AddWithValue("collection", collectionId);
        return command.ExecuteNonQuery();
    }

    /// <summary>Removes versions with all their index rows (found again from the stored JSON), then re-elects the latest.</summary>
    private static int DeleteVersions(PostgresWriteTransaction write, string id, string? key)
    {
        var victims = new List<(long Seq, IndexTerms Terms)>();
        using (var select = write.Command("SELECT seq, json FROM stix_objects WHERE id = @id AND (@key::text IS NULL OR version_key = @key)"))
        {
            AddVersionParameters(select, id, key);
            using var reader = select.ExecuteReader();
            while (reader.Read())
                victims.Add((reader.GetInt64(0), IndexTerms.From(StixObject.FromUtf8(reader.GetFieldValue<byte[]>(1)))));
        }
        if (victims.Count == 0)
            return 0;
        var seqs = victims.Select(v => v.Seq).ToArray();
        using var batch = write.Batch();
        foreach (var (seq, terms) in victims)
            AddIndexDeletes(batch, seq, terms);
        PostgresWriteTransaction.Add(batch, "DELETE FROM stix_collection_objects WHERE seq = ANY(@seqs)", ("seqs", seqs));
        PostgresWriteTransaction.Add(batch, "DELETE FROM stix_objects WHERE seq = ANY(@seqs)", ("seqs", seqs));
        PostgresWriteTransaction.Add(batch, """
            UPDATE stix_objects SET is_latest = (version_key = (SELECT max(version_key) FROM stix_objects WHERE id = @id)) WHERE id = @id
            """, ("id", id));
        batch.ExecuteNonQuery();
        return seqs.Length;
    }

    private static void AddIndexDeletes(NpgsqlBatch batch, long seq, IndexTerms terms)
    {
        if (terms.Markings.Count > 0)
            PostgresWriteTransaction.Add(batch, "DELETE FROM stix_markings WHERE seq = @seq AND marking_ref = ANY(@values)", ("seq", seq), ("values", terms.Markings.ToArray()));
        if (terms.Labels.Count > 0)
            PostgresWriteTransaction.Add(batch, "DELETE FROM stix_labels WHERE seq = @seq AND label = ANY(@values)", ("seq", seq), ("values", terms.Labels.ToArray()));
        if (terms.ExternalIds.Count > 0)
            PostgresWriteTransaction.Add(batch, "DELETE FROM stix_external_ids WHERE seq = @seq AND external_id = ANY(@values)",
                ("seq", seq), ("values", terms.ExternalIds.Select(e => e.Id).ToArray()));
        if (terms.References.Count > 0)
            PostgresWriteTransaction.Add(batch, "DELETE FROM stix_refs WHERE seq = @seq AND target_id = ANY(@values)",
                ("seq", seq), ("values", terms.References.Select(r => r.TargetId).ToArray()));
    }

    private static void AddVersionParameters(NpgsqlCommand command, string id, string? key)
    {
        command.Parameters.AddWithValue("id", id);
        command.Parameters.Add(new NpgsqlParameter<string?>("key", key));
    }
}
