using BenchmarkDotNet.Running;

namespace Riposte.Bench;

/// <summary>dotnet run -c Release --project bench/Riposte.Bench -- --filter '*Import*'   (see docs/benchmarks.md)</summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
