using Microsoft.Extensions.Options;

namespace Riposte.Taxii;

/// <summary>Refuses to start a node whose TAXII settings cannot work, saying which setting and why.</summary>
public sealed class TaxiiOptionsValidator : IValidateOptions<TaxiiOptions>
{
    public ValidateOptionsResult Validate(string? name, TaxiiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var section = TaxiiOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.Title))
            failures.Add($"{section}:Title is required (discovery 'title').");
        if (string.IsNullOrWhiteSpace(options.ApiRootTitle))
            failures.Add($"{section}:ApiRootTitle is required (api-root 'title').");
        CheckPath(failures, $"{section}:DiscoveryPath", options.DiscoveryPath);
        CheckPath(failures, $"{section}:ApiRootPath", options.ApiRootPath);
        if (string.Equals(options.DiscoveryPath, options.ApiRootPath, StringComparison.OrdinalIgnoreCase))
            failures.Add($"{section}:ApiRootPath must differ from DiscoveryPath ('{options.DiscoveryPath}').");
        if (options.MaxContentLength < 1024)
            failures.Add($"{section}:MaxContentLength must be at least 1024 bytes, not {options.MaxContentLength}.");
        if (options.MaxPageSize is < 1 or > 100_000)
            failures.Add($"{section}:MaxPageSize must be between 1 and 100000, not {options.MaxPageSize}.");
        if (options.NextTokenLifetime <= TimeSpan.Zero)
            failures.Add($"{section}:NextTokenLifetime must be positive, not {options.NextTokenLifetime}.");
        if (options.NextTokenKey is { Length: > 0 } key)
        {
            var bytes = new byte[key.Length];
            if (!Convert.TryFromBase64String(key, bytes, out var length))
                failures.Add($"{section}:NextTokenKey is not valid base64.");
            else if (length < 32)
                failures.Add($"{section}:NextTokenKey must decode to at least 32 bytes, not {length}.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPath(List<string> failures, string setting, string? path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/' || path[^1] != '/' || path.Length < 2 || path.StartsWith("//", StringComparison.Ordinal)
            || path.Contains("..", StringComparison.Ordinal) || path.Contains('{', StringComparison.Ordinal) || path.Contains('?', StringComparison.Ordinal))
            failures.Add($"{setting} must be a path such as '/taxii2/' that starts and ends with '/', not '{path}'.");
    }
}
