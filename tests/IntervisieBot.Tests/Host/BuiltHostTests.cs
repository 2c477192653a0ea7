using System.Diagnostics;
using System.Net;
using IntervisieBot.Testing;

namespace IntervisieBot.Tests.Host;

/// <summary>The host as a user starts it: its own process, from its build output, from some other folder.</summary>
public sealed class BuiltHostTests
{
    [Fact]
    public async Task BuiltHost_StartedFromAnotherFolder_ReadsTheRootSettings_AndServesHealthz()
    {
        using var folder = new TempDirectory();
        var port = LoopbackPort.Free();
        var hostDll = Path.Combine(AppContext.BaseDirectory, "IntervisieBot.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostDll);
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        start.ArgumentList.Add($"--Storage:SqlitePath={folder.File("bot.db")}");
        start.ArgumentList.Add($"--Privacy:LocalKeyPath={folder.File("keys")}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var response = await WaitForHealthzAsync(http, process);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("\"provider\": \"Sqlite\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.True(File.Exists(folder.File("bot.db")), "The embedded store should have created its file.");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<HttpResponseMessage> WaitForHealthzAsync(HttpClient http, Process process)
    {
        // Waits for the process to start listening (bounded: 60 attempts), not for time to pass.
        for (var attempt = 0; attempt < 60; attempt++)
        {
            Assert.False(process.HasExited, $"The host exited with code {(process.HasExited ? process.ExitCode : 0)}.");
            try
            {
                return await http.GetAsync(new Uri("/healthz", UriKind.Relative));
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
        }

        throw new TimeoutException("The host did not answer /healthz.");
    }

}
