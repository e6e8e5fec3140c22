using Riposte.Stix;

namespace Riposte.Reports.Data;

/// <summary>
/// Everything one reader may see that the report draws on, as the access gate returned it (invisible
/// objects absent, references to them removed). Figures are computed only from this.
/// </summary>
public sealed class ReportData
{
    private readonly Dictionary<string, StixObject> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<StixObject>> _byType = new(StringComparer.Ordinal);

    public void Add(StixObject obj)
    {
        _byId[obj.Id] = obj;
        if (!_byType.TryGetValue(obj.Type, out var list))
            _byType[obj.Type] = list = [];
        list.Add(obj);
    }

    public int Count => _byId.Count;

    public StixObject? Get(string? id) => id is not null && _byId.TryGetValue(id, out var obj) ? obj : null;

    /// <summary>The name of a visible object, else null (an invisible one is never named).</summary>
    public string? NameOf(string? id) => Get(id)?.Name;

    public IReadOnlyList<StixObject> OfType(string type) => _byType.TryGetValue(type, out var list) ? list : [];
}
