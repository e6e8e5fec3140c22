using Riposte.Detection.Interning;
using Riposte.Detection.Text;

namespace Riposte.Detection.Signals;

/// <summary>Collects, for each content signal, which post put which account on which item.</summary>
internal static class OccurrenceBuilder
{
    public static Occurrences CoRepost(PostTable t) => ByTarget(t, t.RepostOf, SignalKind.CoRepost);

    public static Occurrences CoReply(PostTable t) => ByTarget(t, t.ReplyTo, SignalKind.CoReply);

    public static Occurrences CoLink(PostTable t)
    {
        var occ = new Occurrences(SignalKind.CoLink);
        for (var p = 0; p < t.Count; p++)
        {
            for (var k = t.UrlStart[p]; k < t.UrlStart[p + 1]; k++)
                occ.Add(t.UrlIds[k], p);
        }
        return occ;
    }

    public static Occurrences HashtagSequence(PostTable t)
    {
        var occ = new Occurrences(SignalKind.HashtagSequence);
        for (var p = 0; p < t.Count; p++)
        {
            if (t.HashtagSequence[p] != PostTable.None)
                occ.Add(t.HashtagSequence[p], p);
        }
        return occ;
    }

    /// <summary>Near-duplicate text: the item key is the near-duplicate group of the post's text (signed while interning).</summary>
    public static Occurrences NearDuplicateText(PostTable t, CoordinationOptions options)
    {
        var groups = new NearDuplicateGrouper(seed: options.Seed).Group(t.Signatures, options.TextSimilarity);
        var occ = new Occurrences(SignalKind.NearDuplicateText);
        for (var p = 0; p < t.Count; p++)
        {
            if (t.SignatureOf[p] != PostTable.None)
                occ.Add(groups[t.SignatureOf[p]], p);
        }
        return occ;
    }

    private static Occurrences ByTarget(PostTable t, int[] target, SignalKind kind)
    {
        var occ = new Occurrences(kind);
        for (var p = 0; p < t.Count; p++)
        {
            var tg = target[p];
            if (tg == PostTable.None)
                continue;
            // The source is the target's author; unknown authors get a source unique to the target.
            var author = t.TargetAuthor[tg];
            occ.Add(tg, p, author != PostTable.None ? author : ~tg);
        }
        return occ;
    }
}
