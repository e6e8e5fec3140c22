namespace Riposte.Incidents.Services;

/// <summary>A refusal the caller can act on; the REST layer turns each kind into its status code.</summary>
public abstract class IncidentsException(string message) : Exception(message);

/// <summary>No such object, or one the caller may not see (the two are not told apart).</summary>
public sealed class ObjectNotFoundException(string id, string? expectedType = null)
    : IncidentsException(expectedType is null ? $"no object '{id}'" : $"no {expectedType} '{id}'")
{
    public string ObjectId { get; } = id;
}

/// <summary>The caller's role or organisation may not do this.</summary>
public sealed class ForbiddenException(string message) : IncidentsException(message);

/// <summary>The edit was made against a version that is no longer the latest (HTTP 412).</summary>
public sealed class StaleVersionException(string id, string expected, string current)
    : IncidentsException($"'{id}' has changed: you edited version {expected}, the latest is {current}; reload and edit again")
{
    public string CurrentVersion { get; } = current;
}

/// <summary>An edit without the version it was made against (HTTP 428).</summary>
public sealed class VersionRequiredException(string id)
    : IncidentsException($"say which version of '{id}' you edited (If-Match: \"<modified>\"), so a concurrent edit is not overwritten");

/// <summary>Input that breaks a rule; each entry names the field and the reason.</summary>
public sealed class InputInvalidException(IReadOnlyDictionary<string, string[]> errors)
    : IncidentsException("invalid input: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static InputInvalidException One(string field, string reason) => new(new Dictionary<string, string[]> { [field] = [reason] });
}

/// <summary>Collects field errors, then throws them all at once.</summary>
public sealed class InputErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string reason)
    {
        if (!_errors.TryGetValue(field, out var list))
            _errors[field] = list = [];
        list.Add(reason);
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
            throw new InputInvalidException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
    }
}
