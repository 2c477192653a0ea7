using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>
/// How a member's private contribution reaches the group session: while the session's collect step waits for the
/// member (<see cref="SessionRoutes"/>), a message in their personal chat is handled on the group's dialog state, as
/// the session's turn. Once the session no longer collects, the route has served its purpose and is dropped, and the
/// message is an ordinary personal one.
/// </summary>
public sealed class SessionContributionRoute(DialogSet dialogs, DialogTurnRunner runner, SessionRoutes routes) : IPersonalMessageRoute
{
    public async Task<bool> TryRouteAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        if (turn.Kind == TurnKind.CardAction && !turn.Values.ContainsKey(SessionAction.Key))
        {
            // Only the session's own buttons (e.g. "send as is") go to the session; other cards belong to their feature.
            return false;
        }

        if (await routes.FindAsync(turn.Conversation, turn.From.Id, cancellationToken) is not { } group)
        {
            return false;
        }

        var contributed = false;
        await runner.RunAsync(dialogs, context.ForGroup(group), async (dc, ct) =>
        {
            if (dc.ActiveDialog is { Id: SessionDialog.DialogId } active && dialogs.Find(active.Id) is SessionDialog session && session.IsCollecting(active))
            {
                contributed = true;
                await dc.ContinueDialogAsync(ct);
            }
        }, cancellationToken);
        if (!contributed)
        {
            await routes.ForgetAsync(turn.Conversation, turn.From.Id, cancellationToken);
        }

        return contributed;
    }
}
