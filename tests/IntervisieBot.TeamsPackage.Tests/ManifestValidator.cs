using System.Diagnostics;
using System.Text.Json;

namespace IntervisieBot.TeamsPackage.Tests;

/// <summary>What tests/tools/validate-teams-manifest.js said about one manifest.</summary>
internal sealed record ValidationReport(int ExitCode, bool Valid, string? ManifestVersion, IReadOnlyList<string> Errors, string Output)
{
    public override string ToString() => $"exit {ExitCode}: {Output}";
}

/// <summary>
/// Runs the repository's Node validator (official schemas from @microsoft/app-manifest, offline) on a manifest file.
/// Needs Node.js and `npm ci` at the repository root (./test.sh does both).
/// </summary>
internal static class ManifestValidator
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<ValidationReport> ValidateAsync(string manifestPath)
    {
        if (!Directory.Exists(Path.Combine(Repository.Root, "node_modules", "@microsoft", "app-manifest")))
        {
            throw new InvalidOperationException(
                "@microsoft/app-manifest is not installed: run ./test.sh, or 'npm ci' at the repository root.");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        start.ArgumentList.Add(Repository.ValidatorScript);
        start.ArgumentList.Add(manifestPath);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(Timeout))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"The manifest validator did not finish within {Timeout.TotalSeconds} s.");
            }
        }

        var output = await stdout;
        var errorOutput = await stderr;
        JsonElement report;
        try
        {
            report = JsonDocument.Parse(output).RootElement;
        }
        catch (JsonException)
        {
            throw new InvalidOperationException($"The validator printed no JSON (exit {process.ExitCode}): {output}{errorOutput}");
        }

        var errors = report.GetProperty("errors").EnumerateArray()
            .Select(error => $"{error.GetProperty("file")}: {error.GetProperty("message").GetString()}")
            .ToList();
        var version = report.GetProperty("manifestVersion");
        return new ValidationReport(
            process.ExitCode,
            report.GetProperty("valid").GetBoolean(),
            version.ValueKind == JsonValueKind.String ? version.GetString() : null,
            errors,
            output);
    }
}
