using System.Globalization;

namespace Riposte.Analytics.Normalisation;

/// <summary>Culture-invariant parsing of the timestamp shapes the export formats use; every result is UTC.</summary>
public static class Timestamps
{
    // Zone abbreviations CrowdTangle and RSS feeds write. Ambiguous ones (IST, CST in China) are left out on purpose:
    // a wrong guess would shift every post by hours, so they are rejected with a clear message instead.
    private static readonly Dictionary<string, TimeSpan> ZoneAbbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UTC"] = TimeSpan.Zero, ["GMT"] = TimeSpan.Zero, ["UT"] = TimeSpan.Zero, ["Z"] = TimeSpan.Zero,
        ["EST"] = TimeSpan.FromHours(-5), ["EDT"] = TimeSpan.FromHours(-4),
        ["CST"] = TimeSpan.FromHours(-6), ["CDT"] = TimeSpan.FromHours(-5),
        ["MST"] = TimeSpan.FromHours(-7), ["MDT"] = TimeSpan.FromHours(-6),
        ["PST"] = TimeSpan.FromHours(-8), ["PDT"] = TimeSpan.FromHours(-7),
        ["AKST"] = TimeSpan.FromHours(-9), ["AKDT"] = TimeSpan.FromHours(-8),
        ["HST"] = TimeSpan.FromHours(-10),
        ["WET"] = TimeSpan.Zero, ["WEST"] = TimeSpan.FromHours(1), ["BST"] = TimeSpan.FromHours(1),
        ["CET"] = TimeSpan.FromHours(1), ["CEST"] = TimeSpan.FromHours(2),
        ["EET"] = TimeSpan.FromHours(2), ["EEST"] = TimeSpan.FromHours(3), ["MSK"] = TimeSpan.FromHours(3),
        ["JST"] = TimeSpan.FromHours(9), ["KST"] = TimeSpan.FromHours(9),
        ["AEST"] = TimeSpan.FromHours(10), ["AEDT"] = TimeSpan.FromHours(11),
    };

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss",
    ];

    /// <summary>ISO 8601 / RFC 3339. A value without an offset is taken as UTC (the formats that write one, like
    /// Meta Content Library, document UTC).</summary>
    public static DateTimeOffset? ParseIso(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        return DateTimeOffset.TryParseExact(text.Trim(), IsoFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value.ToUniversalTime()
            : null;
    }

    /// <summary>Epoch seconds, as an integer, a float (Telethon) or a string of either.</summary>
    public static DateTimeOffset? ParseUnixSeconds(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
            return FromSeconds(seconds);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
            ? FromMilliseconds((long)Math.Round(d * 1000))
            : null;
    }

    public static DateTimeOffset? FromSeconds(long seconds) =>
        seconds is > -62135596800 and < 253402300800 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private static DateTimeOffset? FromMilliseconds(long ms) =>
        ms is > -62135596800000 and < 253402300800000 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    /// <summary>"2025-03-14 04:12:40 EDT": local time plus a zone abbreviation (CrowdTangle); converted explicitly.</summary>
    public static DateTimeOffset? ParseWithZoneAbbreviation(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var trimmed = text.Trim();
        var space = trimmed.LastIndexOf(' ');
        if (space > 0 && char.IsLetter(trimmed[^1]))
        {
            var zone = trimmed[(space + 1)..];
            if (!ZoneAbbreviations.TryGetValue(zone, out var offset))
            {
                error = $"unknown time zone abbreviation '{zone}' in '{trimmed}'";
                return null;
            }
            if (!DateTime.TryParseExact(trimmed[..space], ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out var local))
            {
                error = $"not a date and time: '{trimmed}'";
                return null;
            }
            return new DateTimeOffset(local, offset).ToUniversalTime();
        }
        var iso = ParseIso(trimmed);
        if (iso is null)
            error = $"not a date and time: '{trimmed}'";
        return iso;
    }

    /// <summary>RFC 822 / 2822 dates as RSS writes them ("Fri, 14 Mar 2025 08:05:00 +0000", "... GMT", "... EDT").</summary>
    public static DateTimeOffset? ParseRfc822(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var s = text.Trim();
        var comma = s.IndexOf(',');
        if (comma >= 0)
            s = s[(comma + 1)..].Trim();
        var parts = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 4)
            return null;
        var zone = parts.Length >= 5 ? parts[4] : "GMT";
        TimeSpan offset;
        if (zone.Length == 5 && (zone[0] == '+' || zone[0] == '-') && int.TryParse(zone.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var hhmm))
            offset = new TimeSpan(hhmm / 100, hhmm % 100, 0) * (zone[0] == '-' ? -1 : 1);
        else if (!ZoneAbbreviations.TryGetValue(zone, out offset))
            return null;
        var year = parts[2].Length == 2 ? "20" + parts[2] : parts[2];
        var time = parts[3].Length == 5 ? parts[3] + ":00" : parts[3];
        return DateTime.TryParseExact($"{parts[0]} {parts[1]} {year} {time}", ["d MMM yyyy HH:mm:ss"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, offset).ToUniversalTime()
            : null;
    }
}
