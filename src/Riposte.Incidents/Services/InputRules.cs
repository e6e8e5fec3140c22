using System.Text.RegularExpressions;
using Riposte.Access;
using Riposte.Incidents.Model;
using Riposte.Stix;
using Riposte.Stix.Markings;

namespace Riposte.Incidents.Services;

/// <summary>Field checks shared by every resource; each failure names the field and the reason.</summary>
public static partial class InputRules
{
    public const int MaxNameLength = 300;
    public const int MaxTextLength = 50_000;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();

    [GeneratedRegex("^[0-9a-fA-F]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256Hex();

    public static string? Name(InputErrors errors, string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
                errors.Add(field, "is required");
            return null;
        }
        if (value.Length > MaxNameLength)
            errors.Add(field, $"must be at most {MaxNameLength} characters (got {value.Length})");
        return value.Trim();
    }

    public static string? Text(InputErrors errors, string field, string? value)
    {
        if (value is not null && value.Length > MaxTextLength)
            errors.Add(field, $"must be at most {MaxTextLength} characters (got {value.Length})");
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>Lower-case words joined by '-', e.g. "transnational-repression".</summary>
    public static IReadOnlyList<string> Words(InputErrors errors, string field, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null || !Word().IsMatch(values[i]))
                errors.Add($"{field}[{i}]", $"'{values[i]}' must be lower-case words joined by '-' (e.g. transnational-repression)");
        }
        return [.. values.Distinct(StringComparer.Ordinal)];
    }

    public static IReadOnlyList<string> Strings(InputErrors errors, string field, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]))
                errors.Add($"{field}[{i}]", "must not be empty");
            else if (values[i].Length > MaxNameLength)
                errors.Add($"{field}[{i}]", $"must be at most {MaxNameLength} characters");
        }
        return [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal)];
    }

    public static IReadOnlyList<string> Languages(InputErrors errors, string field, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null || !LanguageTag().IsMatch(values[i]))
                errors.Add($"{field}[{i}]", $"'{values[i]}' is not an RFC 5646 language tag (e.g. en, fr, ru, pt-BR)");
        }
        return [.. values.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    public static string? Timestamp(InputErrors errors, string field, string? value)
    {
        if (value is null)
            return null;
        if (!StixTimestamp.TryParse(value, out var ts))
        {
            errors.Add(field, $"'{value}' is not an RFC 3339 UTC timestamp (YYYY-MM-DDTHH:MM:SS[.sss]Z)");
            return null;
        }
        return ts.Text;
    }

    /// <summary>A timestamp on update where an empty (or blank) value means "clear it": null then, else the checked timestamp.</summary>
    public static string? ClearableTimestamp(InputErrors errors, string field, string value) =>
        string.IsNullOrWhiteSpace(value) ? null : Timestamp(errors, field, value);

    /// <summary>STIX ids of the allowed types that the principal may see.</summary>
    public static IReadOnlyList<string> Refs(InputErrors errors, string field, IReadOnlyList<string> ids, IReadOnlyCollection<string> types, Principal principal, ObjectWorkspace workspace)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (RefProblem(ids[i], types, principal, workspace) is { } problem)
                errors.Add($"{field}[{i}]", problem);
        }
        return [.. ids.Distinct(StringComparer.Ordinal)];
    }

    public static string? Ref(InputErrors errors, string field, string? id, IReadOnlyCollection<string> types, Principal principal, ObjectWorkspace workspace, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            if (required)
                errors.Add(field, "is required");
            return null;
        }
        if (RefProblem(id, types, principal, workspace) is { } problem)
            errors.Add(field, problem);
        return id;
    }

    private static string? RefProblem(string? id, IReadOnlyCollection<string> types, Principal principal, ObjectWorkspace workspace)
    {
        var type = StixIds.TypeOf(id);
        if (type is null)
            return $"'{id}' is not a STIX id (type--uuid)";
        if (!types.Contains(type))
            return $"'{id}' is a {type}; expected {string.Join(" or ", types)}";
        return workspace.TryGet(principal, id!) is null ? $"no {type} '{id}' that you may see in the store" : null;
    }

    public static IReadOnlyList<EvidenceItem> Evidence(InputErrors errors, string field, IReadOnlyList<EvidenceInput> items)
    {
        var result = new List<EvidenceItem>();
        for (var i = 0; i < items.Count; i++)
        {
            var e = items[i];
            var at = $"{field}[{i}]";
            if (e is null)
            {
                errors.Add(at, "must not be null");
                continue;
            }
            if (!EvidenceItem.Kinds.Contains(e.Kind))
                errors.Add($"{at}.kind", $"'{e.Kind}' is not one of {string.Join(", ", EvidenceItem.Kinds)}");
            if (string.IsNullOrWhiteSpace(e.Ref))
                errors.Add($"{at}.ref", "is required (a post id, grouping id, artifact id, STIX id or URL)");
            if (e.Sha256 is not null && !Sha256Hex().IsMatch(e.Sha256))
                errors.Add($"{at}.sha256", "must be 64 hexadecimal digits (the SHA-256 of the item)");
            result.Add(new EvidenceItem(e.Kind, e.Ref?.Trim() ?? "", e.Sha256?.ToLowerInvariant(), string.IsNullOrWhiteSpace(e.Note) ? null : e.Note));
        }
        return result;
    }

    /// <summary>The marking-definition id of a TLP 2.0 level name (clear, green, amber, amber+strict, red).</summary>
    public static string? Tlp(InputErrors errors, string field, string? value)
    {
        if (value is null)
            return null;
        if (TlpMarkings.FromTlp2Value(value.Trim().ToLowerInvariant()) is not { } level)
        {
            errors.Add(field, $"'{value}' is not a TLP level (clear, green, amber, amber+strict, red)");
            return null;
        }
        return TlpMarkings.IdOf(level);
    }

    public static int? Confidence(InputErrors errors, string field, int? value)
    {
        if (value is { } c and (< 0 or > 100))
            errors.Add(field, $"must be 0-100 (the STIX confidence scale), got {c}");
        return value;
    }
}
