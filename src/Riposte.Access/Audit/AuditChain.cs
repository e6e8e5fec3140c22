using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Riposte.Storage.Access;

namespace Riposte.Access.Audit;

/// <summary>
/// The hash chain: each entry's hash is SHA-256 over the previous entry's hash, a newline, and the
/// canonical entry (a compact JSON array of every field in a fixed order, times as fixed-width UTC).
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Canonical(AuditRecord e)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(e.Sequence);
            writer.WriteStringValue(e.At.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
            writer.WriteStringValue(e.UserId);
            writer.WriteStringValue(e.OrganizationId);
            writer.WriteStringValue(e.Action);
            WriteNullable(writer, e.ObjectId);
            WriteNullable(writer, e.CollectionId);
            WriteNullable(writer, e.RemoteAddress);
            writer.WriteBooleanValue(e.Allowed);
            WriteNullable(writer, e.Reason);
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string HashOf(string previousHash, AuditRecord entry)
    {
        var bytes = Encoding.UTF8.GetBytes(previousHash + "\n" + Canonical(entry));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>The entry that follows <paramref name="head"/> (null: the log is empty), sealed with its sequence and hashes.</summary>
    public static AuditRecord Seal(AuditRecord? head, AuditEvent e, DateTimeOffset at)
    {
        var previous = head?.Hash ?? Genesis;
        var draft = new AuditRecord(
            (head?.Sequence ?? 0) + 1, at, e.Principal.UserId, e.Principal.OrganizationId, e.Action,
            e.ObjectId, e.CollectionId, e.RemoteAddress, e.Allowed, e.Reason, previous, "");
        return draft with { Hash = HashOf(previous, draft) };
    }

    public static AuditVerification Verify(IEnumerable<AuditRecord> entries, long? expectedHeadSequence, string? expectedHeadHash)
    {
        long expected = 1, count = 0;
        var previous = Genesis;
        foreach (var entry in entries)
        {
            count++;
            if (entry.Sequence != expected)
                return Broken(count, expected, entry.Sequence < expected
                    ? $"entry {entry.Sequence} appears where entry {expected} should be: entries were reordered"
                    : $"entries {expected} to {entry.Sequence - 1} are missing: deleted");
            if (!string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal))
                return Broken(count, expected, $"entry {expected} does not follow entry {expected - 1}: its previous hash differs (an entry before it was edited, replaced or reordered)");
            if (!string.Equals(HashOf(previous, entry), entry.Hash, StringComparison.Ordinal))
                return Broken(count, expected, $"entry {expected} was edited: its content no longer matches its hash");
            previous = entry.Hash;
            expected++;
        }
        var head = expected - 1;
        if (expectedHeadSequence is { } s && s > head)
            return Broken(count, head + 1, $"entries {head + 1} to {s} are missing: the end of the log was cut");
        if (expectedHeadSequence is { } s2 && expectedHeadHash is not null && s2 == head && !string.Equals(expectedHeadHash, previous, StringComparison.Ordinal))
            return Broken(count, head, $"entry {head} is not the entry whose hash was kept: the end of the log was replaced");
        return new AuditVerification(true, count, head, previous, null, null);

        AuditVerification Broken(long checkedCount, long at, string problem) => new(false, checkedCount, at - 1, previous, at, problem);
    }

    private static void WriteNullable(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
            writer.WriteNullValue();
        else
            writer.WriteStringValue(value);
    }
}
