using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Riposte.Bench -- --filter '*Import*'   (see docs/benchmarks.md)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
