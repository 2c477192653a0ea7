using System.Globalization;
using IntervisieBot.Bench;

// Storage latency and throughput: point reads and conditional (ETag) writes against SQLite and Azurite.
// dotnet run -c Release --project bench/IntervisieBot.Bench -- [--store sqlite|azurite|all] [--seconds 10] [--concurrency 8]
var store = Arg("--store", "all");
var seconds = int.Parse(Arg("--seconds", "10"), CultureInfo.InvariantCulture);
var concurrency = int.Parse(Arg("--concurrency", "8"), CultureInfo.InvariantCulture);
var duration = TimeSpan.FromSeconds(seconds);

Console.WriteLine($"Storage benchmark: {seconds} s per measurement, {concurrency} concurrent callers, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
Console.WriteLine();
Console.WriteLine("| store | operation | ops/s | p50 ms | p99 ms | operations |");
Console.WriteLine("|---|---|---:|---:|---:|---:|");
foreach (var result in await StorageBenchmark.RunAsync(store, duration, concurrency))
{
    Console.WriteLine(result.ToMarkdownRow());
}

string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
