using System.Runtime;

namespace Riposte.Detection;

/// <summary>
/// Returns memory to the operating system at the detector's stage boundaries. Each stage leaves behind large dead
/// structures (a signal's pair maps, the interning chunks and post objects); left to itself the collector keeps the
/// freed space committed for later use, so the working set climbs to the sum of every stage's garbage instead of the
/// largest stage. A blocking, compacting, aggressive collection at a boundary costs a fraction of a second (the live
/// data is a few large arrays, little to trace) and keeps the peak near what is really live.
/// </summary>
internal static class MemoryRelief
{
    public static void AtStageBoundary()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
