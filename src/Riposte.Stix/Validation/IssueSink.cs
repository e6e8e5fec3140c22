namespace Riposte.Stix.Validation;

/// <summary>Collects issues; allocates nothing until the first issue, so valid objects cost no list.</summary>
internal sealed class IssueSink
{
    private List<StixIssue>? issues;

    public bool HasErrors { get; private set; }

    public void Error(string path, string message)
    {
        HasErrors = true;
        (issues ??= []).Add(new StixIssue(IssueSeverity.Error, path, message));
    }

    public void Warning(string path, string message) =>
        (issues ??= []).Add(new StixIssue(IssueSeverity.Warning, path, message));

    public ValidationResult ToResult() => issues is null ? ValidationResult.Valid : new ValidationResult(issues);
}

/// <summary>JSON path text as the issues report it: <c>$.external_references[2].url</c>.</summary>
internal static class JsonPathText
{
    // Root-level paths ("$.name") repeat for every object: cache them, bounded so odd custom names cannot grow it forever.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> RootPaths = new(StringComparer.Ordinal);

    public static string Property(string parent, string name)
    {
        if (parent == "$")
        {
            if (RootPaths.TryGetValue(name, out var cached))
                return cached;
            var path = Build(parent, name);
            if (RootPaths.Count < 4096)
                RootPaths.TryAdd(name, path);
            return path;
        }
        return Build(parent, name);
    }

    private static string Build(string parent, string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
                return string.Concat(parent, "['", name.Replace("'", "\\'", StringComparison.Ordinal), "']");
        }
        return string.Concat(parent, ".", name);
    }

    public static string Index(string parent, int index) =>
        string.Concat(parent, "[", index.ToString(System.Globalization.CultureInfo.InvariantCulture), "]");
}
