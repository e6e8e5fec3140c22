using System.Globalization;

namespace Riposte.Web.Ui.Views;

/// <summary>
/// How every form turns posted text into service input and back: lists as comma-separated text,
/// times as <c>datetime-local</c> values read as UTC, numbers culture-invariant. A value that cannot
/// be read is reported at its field before the service is asked.
/// </summary>
public static class FormText
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"];

    /// <summary>Comma- (or line-) separated text as a list, blanks dropped.</summary>
    public static List<string> List(string? text) =>
        [.. (text ?? "").Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static string Join(IEnumerable<string> values) => string.Join(", ", values);

    /// <summary>
    /// A <c>datetime-local</c> value as an RFC 3339 UTC timestamp. Blank is null when creating (nothing to
    /// set) and "" when editing (clear the stored time); an unreadable value is an error at its field.
    /// </summary>
    public static string? Timestamp(Dictionary<string, string[]> errors, string field, string? local, bool editing)
    {
        if (string.IsNullOrWhiteSpace(local))
            return editing ? "" : null;
        if (DateTime.TryParseExact(local.Trim(), LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            return at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        errors[field] = [$"'{local}' is not a date and time (yyyy-MM-ddTHH:mm, UTC)"];
        return null;
    }

    /// <summary>A stored timestamp as a <c>datetime-local</c> value (minutes, UTC).</summary>
    public static string? LocalOf(string? timestamp) => timestamp is { Length: >= 16 } ? timestamp[..16] : null;

    /// <summary>A whole number 0–100 (STIX confidence); blank is null; anything else is an error at its field.</summary>
    public static int? Confidence(Dictionary<string, string[]> errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            return value;
        errors[field] = [$"'{text}' is not a whole number from 0 to 100"];
        return null;
    }

    public static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The form field an error key belongs to: <c>platforms[1]</c> → <c>platforms</c>.</summary>
    public static string FieldOf(string key)
    {
        var end = key.IndexOfAny(['[', '.']);
        return end < 0 ? key : key[..end];
    }

    /// <summary>Null for blank text, else the text (so an empty select means "not chosen").</summary>
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
