namespace Riposte.Analytics.Storage;

/// <summary>How list and time fields are stored: lists joined by newlines (no URL, tag or id holds one), times as Unix milliseconds.</summary>
internal static class PostColumns
{
    public static string? Join(IReadOnlyList<string> values) =>
        values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => string.Join('\n', values),
        };

    public static IReadOnlyList<string> Split(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : joined.Split('\n');

    public static long ToMilliseconds(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMilliseconds(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);
}
