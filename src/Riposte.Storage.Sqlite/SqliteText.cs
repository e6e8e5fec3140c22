
namespace Riposte.Storage.Sqlite;

/// <summary>How instants and versions are written as sortable text columns.</summary>
internal static class SqliteText
{
    public static string Instant(DateTimeOffset value) => StoredInstants.ToText(value);

    public static DateTimeOffset ParseInstant(string text) => StoredInstants.Parse(text);

    public static string VersionKey(DateTimeOffset value) => VersionKeys.Of(value);

    public static string VersionKey(string? version) => VersionKeys.Of(version);
}
