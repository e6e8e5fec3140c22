using System.Globalization;

namespace Riposte.Cli;

/// <summary>Dates and times typed on the command line: UTC unless they say otherwise.</summary>
public static class Times
{
    public static DateTimeOffset? Parse(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
            return value;
        throw new CliException($"{option} '{text}' is not a date or time; use e.g. 2025-01-31 or 2025-01-31T12:00:00Z");
    }
}
