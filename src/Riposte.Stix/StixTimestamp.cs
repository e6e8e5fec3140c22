using System.Globalization;

namespace Riposte.Stix;

/// <summary>
/// An RFC 3339 UTC timestamp as STIX writes it. The original text is kept so sub-second precision
/// survives a round trip exactly; <see cref="SortKey"/> orders timestamps of any precision.
/// </summary>
public readonly record struct StixTimestamp : IComparable<StixTimestamp>
{
    private StixTimestamp(string text, string sortKey, DateTimeOffset value)
    {
        Text = text;
        SortKey = sortKey;
        Value = value;
    }

    /// <summary>The timestamp exactly as received.</summary>
    public string Text { get; }

    /// <summary>Fixed-width form with nine fractional digits: ordinal order is time order.</summary>
    public string SortKey { get; }

    /// <summary>The instant, truncated to .NET's 100 ns resolution.</summary>
    public DateTimeOffset Value { get; }

    public int CompareTo(StixTimestamp other) => string.CompareOrdinal(SortKey, other.SortKey);

    public static bool operator <(StixTimestamp a, StixTimestamp b) => a.CompareTo(b) < 0;
    public static bool operator >(StixTimestamp a, StixTimestamp b) => a.CompareTo(b) > 0;
    public static bool operator <=(StixTimestamp a, StixTimestamp b) => a.CompareTo(b) <= 0;
    public static bool operator >=(StixTimestamp a, StixTimestamp b) => a.CompareTo(b) >= 0;

    public override string ToString() => Text;

    /// <summary>Formats an instant with millisecond precision, as STIX recommends for created/modified.</summary>
    public static StixTimestamp FromDateTime(DateTimeOffset value)
    {
        var text = value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return Parse(text);
    }

    public static StixTimestamp Parse(string text) =>
        TryParse(text, out var ts) ? ts : throw new FormatException($"'{text}' is not an RFC 3339 UTC timestamp (YYYY-MM-DDTHH:MM:SS[.s+]Z)");

    /// <summary>Accepts exactly <c>YYYY-MM-DDTHH:MM:SS[.fraction]Z</c>, as the STIX timestamp type requires.</summary>
    public static bool TryParse(string? text, out StixTimestamp timestamp)
    {
        timestamp = default;
        if (text is null || text.Length < 20 || text[^1] != 'Z')
            return false;
        var s = text.AsSpan();
        if (s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':')
            return false;
        if (!AllDigits(s[..4]) || !AllDigits(s[5..7]) || !AllDigits(s[8..10]) || !AllDigits(s[11..13]) || !AllDigits(s[14..16]) || !AllDigits(s[17..19]))
            return false;
        var fraction = ReadOnlySpan<char>.Empty;
        if (s.Length > 20)
        {
            if (s[19] != '.')
                return false;
            fraction = s[20..^1];
            if (fraction.Length == 0 || !AllDigits(fraction))
                return false;
        }
        else if (s[19] != 'Z')
            return false;

        int year = Int(s[..4]), month = Int(s[5..7]), day = Int(s[8..10]);
        int hour = Int(s[11..13]), minute = Int(s[14..16]), second = Int(s[17..19]);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59)
            return false;
        // RFC 3339 allows a leap second; .NET cannot represent it, so it is clamped for Value only.
        if (second > 60)
            return false;

        long ticks = 0;
        for (var i = 0; i < 7; i++)
            ticks = ticks * 10 + (i < fraction.Length ? fraction[i] - '0' : 0);
        var value = new DateTimeOffset(year, month, day, hour, minute, Math.Min(second, 59), TimeSpan.Zero).AddTicks(ticks);

        Span<char> nine = stackalloc char[9];
        nine.Fill('0');
        fraction[..Math.Min(9, fraction.Length)].CopyTo(nine);
        var sortKey = string.Concat(s[..19], ".", nine, "Z");
        timestamp = new StixTimestamp(text, sortKey, value);
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
                return false;
        }
        return true;
    }

    private static int Int(ReadOnlySpan<char> s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
}
