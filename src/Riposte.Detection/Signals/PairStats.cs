namespace Riposte.Detection.Signals;

/// <summary>What one signal knows about one pair of accounts.</summary>
internal struct PairStats
{
    /// <summary>Item index + 1 of the last item counted, so an item counts once per pair.</summary>
    public int LastItem;

    /// <summary>Distinct items the pair co-occurred on within the window.</summary>
    public int Items;

    /// <summary>Sum over those items of the squared item weight (the cosine numerator).</summary>
    public float Weight;

    /// <summary>The first two distinct sources seen.</summary>
    public int Source0;
    public int Source1;

    /// <summary>Distinct sources of the pair's items, saturating at 3.</summary>
    public byte Sources;

    public void Count(int item, float weight, int source)
    {
        if (LastItem == item + 1)
            return;
        LastItem = item + 1;
        Items++;
        Weight += weight;
        AddSource(source);
    }

    public void AddSource(int source)
    {
        switch (Sources)
        {
            case 0:
                Source0 = source;
                Sources = 1;
                break;
            case 1 when source != Source0:
                Source1 = source;
                Sources = 2;
                break;
            case 2 when source != Source0 && source != Source1:
                Sources = 3;
                break;
        }
    }

    /// <summary>Adds another signal's counts for the same pair (its items are distinct from ours).</summary>
    public void Merge(in PairStats other)
    {
        Items += other.Items;
        Weight += other.Weight;
        if (other.Sources > 0)
            AddSource(other.Source0);
        if (other.Sources > 1)
            AddSource(other.Source1);
        if (other.Sources > 2)
            Sources = 3;
    }

    public static long Key(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    public static (int A, int B) Split(long key) => ((int)(key >> 32), (int)(key & 0xFFFFFFFF));
}
