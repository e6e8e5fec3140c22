using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Riposte.Stix;
using Riposte.Taxii.Http;

namespace Riposte.Taxii.Filtering;

/// <summary>
/// Reads the URL parameters of §3.4. Unknown plain parameters are ignored; a <c>match[...]</c>
/// field the endpoint does not support, or any malformed value, is a 400 naming the parameter.
/// </summary>
public static partial class TaxiiFilterParser
{
    public static TaxiiFilter Parse(IQueryCollection query, FilterFields allowed, int maxPageSize, VersionMatch defaultVersions)
    {
        ArgumentNullException.ThrowIfNull(query);
        foreach (var key in query.Keys)
        {
            if (key.StartsWith("match[", StringComparison.Ordinal) && !IsAllowedMatch(key, allowed))
                throw TaxiiException.BadRequest($"URL parameter '{key}' is not supported on this endpoint");
        }

        return new TaxiiFilter
        {
            AddedAfter = allowed.HasFlag(FilterFields.AddedAfter) ? ParseAddedAfter(query) : null,
            Limit = allowed.HasFlag(FilterFields.Limit) ? ParseLimit(query, maxPageSize) : maxPageSize,
            Next = allowed.HasFlag(FilterFields.Next) ? Single(query, "next") : null,
            Ids = allowed.HasFlag(FilterFields.MatchId) ? List(query, "match[id]", IsStixId, "a STIX id such as indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f") : [],
            Types = allowed.HasFlag(FilterFields.MatchType) ? List(query, "match[type]", IsStixType, "a STIX type such as indicator") : [],
            SpecVersions = allowed.HasFlag(FilterFields.MatchSpecVersion) ? List(query, "match[spec_version]", IsSpecVersion, "a specification version such as 2.1") : [],
            Versions = allowed.HasFlag(FilterFields.MatchVersion) ? ParseVersions(query, defaultVersions) : defaultVersions,
        };
    }

    private static bool IsAllowedMatch(string key, FilterFields allowed) => key switch
    {
        "match[id]" => allowed.HasFlag(FilterFields.MatchId),
        "match[type]" => allowed.HasFlag(FilterFields.MatchType),
        "match[version]" => allowed.HasFlag(FilterFields.MatchVersion),
        "match[spec_version]" => allowed.HasFlag(FilterFields.MatchSpecVersion),
        _ => false,
    };

    private static StixTimestamp? ParseAddedAfter(IQueryCollection query)
    {
        var text = Single(query, "added_after");
        if (text is null)
            return null;
        return StixTimestamp.TryParse(text, out var ts)
            ? ts
            : throw TaxiiException.BadRequest($"URL parameter 'added_after': '{text}' is not an RFC 3339 UTC timestamp (YYYY-MM-DDTHH:MM:SS[.s+]Z)");
    }

    private static int ParseLimit(IQueryCollection query, int maxPageSize)
    {
        var text = Single(query, "limit");
        if (text is null)
            return maxPageSize;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1)
        {
            // Digits too many for an int are still a positive number: cap them like any large limit.
            if (text.Length > 0 && text.All(char.IsAsciiDigit) && text.TrimStart('0').Length > 0)
                return maxPageSize;
            throw TaxiiException.BadRequest($"URL parameter 'limit': '{text}' is not a positive integer");
        }
        return Math.Min(limit, maxPageSize);
    }

    private static VersionMatch ParseVersions(IQueryCollection query, VersionMatch defaultVersions)
    {
        var values = Values(query, "match[version]");
        if (values.Count == 0)
            return defaultVersions;
        bool last = false, first = false, all = false;
        var timestamps = new List<StixTimestamp>();
        foreach (var value in values)
        {
            switch (value)
            {
                case "last": last = true; break;
                case "first": first = true; break;
                case "all": all = true; break;
                default:
                    if (!StixTimestamp.TryParse(value, out var ts))
                        throw TaxiiException.BadRequest($"URL parameter 'match[version]': '{value}' is neither 'first', 'last', 'all' nor an RFC 3339 UTC timestamp");
                    timestamps.Add(ts);
                    break;
            }
        }
        return new VersionMatch(last, first, all, timestamps);
    }

    private static string? Single(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values))
            return null;
        if (values.Count > 1)
            throw TaxiiException.BadRequest($"URL parameter '{name}' is given {values.Count} times; it takes one value");
        var value = values[0] ?? "";
        return value.Length == 0 ? throw TaxiiException.BadRequest($"URL parameter '{name}' is empty") : value;
    }

    /// <summary>Comma-separated values (§3.4.1), also accepting the parameter repeated.</summary>
    private static List<string> Values(IQueryCollection query, string name)
    {
        var list = new List<string>();
        if (!query.TryGetValue(name, out var values))
            return list;
        foreach (var value in values)
        {
            foreach (var item in (value ?? "").Split(','))
            {
                var trimmed = item.Trim();
                if (trimmed.Length == 0)
                    throw TaxiiException.BadRequest($"URL parameter '{name}' has an empty value in '{value}'");
                list.Add(trimmed);
            }
        }
        return list;
    }

    private static List<string> List(IQueryCollection query, string name, Func<string, bool> isValid, string expected)
    {
        var values = Values(query, name);
        foreach (var value in values)
        {
            if (!isValid(value))
                throw TaxiiException.BadRequest($"URL parameter '{name}': '{value}' is not {expected}");
        }
        return values.Distinct(StringComparer.Ordinal).ToList();
    }

    internal static bool IsStixType(string value) => TypePattern().IsMatch(value);

    internal static bool IsStixId(string value) => IdPattern().IsMatch(value);

    private static bool IsSpecVersion(string value) => SpecVersionPattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,249}$", RegexOptions.CultureInvariant)]
    private static partial Regex TypePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,249}--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\d{1,3}\.\d{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex SpecVersionPattern();
}
