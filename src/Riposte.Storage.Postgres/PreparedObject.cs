using Riposte.Stix;

namespace Riposte.Storage.Postgres;

/// <summary>
/// What a write derives from one object alone — version key, bytes, index terms, folded search text —
/// computed before the write lock is taken, so the lock every replica waits for is held only for the
/// look-up, the plan and the statements, not for this CPU work.
/// </summary>
internal sealed record PreparedObject(StixObject Object, string VersionKey, ReadOnlyMemory<byte> Json, IndexTerms Terms,
    string? FoldedName, string? FoldedDescription, string? FoldedOther)
{
    public static PreparedObject From(StixObject obj)
    {
        var terms = IndexTerms.From(obj);
        return new PreparedObject(obj, VersionKeys.Of(obj), obj.ToUtf8Json(), terms,
            SearchText.Fold(terms.Name), SearchText.Fold(terms.Description), SearchText.Fold(terms.OtherText));
    }

    public static PreparedObject[] All(IReadOnlyList<StixObject> objects)
    {
        var prepared = new PreparedObject[objects.Count];
        for (var i = 0; i < prepared.Length; i++)
            prepared[i] = From(objects[i]);
        return prepared;
    }
}
