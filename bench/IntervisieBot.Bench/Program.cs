using System.Globalization;
using IntervisieBot.Bench;

// dotnet run -c Release --project bench/IntervisieBot.Bench -- storage [--store sqlite|azurite|all] [--seconds 10] [--concurrency 8]
// dotnet run -c Release --project bench/IntervisieBot.Bench -- turns [--turns 500]
if (args.Contains("turns"))
{
    var turns = int.Parse(Arg("--turns", "500"), CultureInfo.InvariantCulture);
    Console.WriteLine($"Turn latency: {turns} turns one after another, real host on loopback, embedded store, {Environment.ProcessorCount} cores");
    Console.WriteLine();
    Console.WriteLine("| turn | turns | HTTP answer p50 ms | reply p50 ms | reply p99 ms | reply max ms |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    Console.WriteLine(TurnLatencyBenchmark.Describe(await TurnLatencyBenchmark.RunAsync(turns)));
    return;
}

// Storage latency and throughput: point reads and conditional (ETag) writes against SQLite and Azurite.
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
