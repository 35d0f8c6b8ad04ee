using BenchmarkDotNet.Running;

namespace Gate.Benchmarks;

/// <summary>The tool's own benchmarks: <c>dotnet run -c Release --project bench/Gate.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
