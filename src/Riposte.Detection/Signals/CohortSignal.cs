using Riposte.Detection.Interning;

namespace Riposte.Detection.Signals;

/// <summary>
/// Account-creation cohorts that wake up together: accounts created on the same UTC day, silent
/// for at least the dormancy span after the data starts, whose first posts fall within the wake
/// window of each other. Each creation day is a key; its wake bursts are the items.
/// </summary>
internal static class CohortSignal
{
    public static Occurrences Occurrences(PostTable t, CoordinationOptions options)
    {
        var occ = new Occurrences(SignalKind.CreationCohort);
        if (t.Count == 0)
            return occ;
        var firstPost = new int[t.AccountCount];
        Array.Fill(firstPost, PostTable.None);
        var dataStart = long.MaxValue;
        for (var p = 0; p < t.Count; p++)
        {
            var a = t.Account[p];
            if (firstPost[a] == PostTable.None || t.Time[p] < t.Time[firstPost[a]])
                firstPost[a] = p;
            dataStart = Math.Min(dataStart, t.Time[p]);
        }
        var dormancy = (long)options.CohortMinDormancy.TotalSeconds;
        for (var a = 0; a < t.AccountCount; a++)
        {
            var created = t.AccountCreated[a];
            var p = firstPost[a];
            if (created == long.MinValue || p == PostTable.None || t.Time[p] - dataStart < dormancy)
                continue;
            var day = (int)Math.Floor(created / 86400.0);
            // Every account is its own source: a cohort has no author.
            occ.Add(day, p, a);
        }
        return occ;
    }
}
