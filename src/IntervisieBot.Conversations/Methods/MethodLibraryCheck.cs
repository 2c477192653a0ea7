using IntervisieBot.Domain.Methods;
using Microsoft.Extensions.Hosting;

namespace IntervisieBot.Conversations.Methods;

/// <summary>Loads the library while the host starts, so a bad custom method stops start-up instead of a turn.</summary>
internal sealed class MethodLibraryCheck(MethodLibrary library) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = library.All.Count;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
