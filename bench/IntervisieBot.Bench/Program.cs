using System.Globalization;
using IntervisieBot.Bench;

// dotnet run -c Release --project bench/IntervisieBot.Bench -- storage [--store sqlite|azurite|all] [--seconds 10] [--concurrency 8]
// dotnet run -c Release --project bench/IntervisieBot.Bench -- turns [--turns 500]
// dotnet run -c Release --project bench/IntervisieBot.Bench -- scheduler [--store sqlite|azurite|all] [--groups 10000,100000] [--messages 1000] [--tenants 1,20]
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

if (args.Contains("scheduler"))
{
    var sizes = Arg("--groups", "10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
    Console.WriteLine($"Scheduler: one tick with N groups (1 % of them due), {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
    Console.WriteLine();
    Console.WriteLine("| store | groups | due | tick with due work ms | reads | writes | idle tick ms | idle reads | seeding s |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    await foreach (var tick in SchedulerBenchmark.RunTicksAsync(Arg("--store", "all"), sizes))
    {
        Console.WriteLine(tick.ToMarkdownRow());
    }

    Console.WriteLine();
    Console.WriteLine("Delivery: due messages sent by one tick of the real host through the Bot Framework messenger to a connector enforcing Teams' limits");
    Console.WriteLine();
    Console.WriteLine("| messages | groups | tenants | seconds | floor s (50/s per tenant) | messages/s | 429s |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
    var messages = int.Parse(Arg("--messages", "1000"), CultureInfo.InvariantCulture);
    foreach (var tenants in Arg("--tenants", "1,20").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)))
    {
        Console.WriteLine((await SchedulerBenchmark.RunDeliveryAsync(messages, tenants)).ToMarkdownRow());
    }

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
