using IntervisieBot.Domain.Methods;

namespace IntervisieBot.Domain.Sessions;

/// <summary>
/// How a method's own steps and the session's frame (agreements, check-in, the case owner's insight and action)
/// merge, read from the steps' <see cref="MethodStep.Phase"/>: each part happens once, and where the method has its
/// own version of a part, the method's wins and the session skips its own.
/// </summary>
/// <param name="OwnAgreements">The method has an agreements step: the opening does not list the agreements.</param>
/// <param name="OwnCheckIn">The method has a check-in step: the opening has no check-in or icebreaker.</param>
/// <param name="InsightStep">
/// The step where the case owner says what they take away (a harvest reflect step, else an evaluation reflect step they
/// take part in): the close does not ask for the insight, and the record takes it from this step.
/// </param>
/// <param name="ActionStep">The step that asks the case owner for an action: the close does not ask for it again.</param>
public sealed record SessionFrame(bool OwnAgreements, bool OwnCheckIn, string? InsightStep, string? ActionStep)
{
    public static SessionFrame Of(MethodDefinition method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var steps = method.Steps;
        return new SessionFrame(
            steps.Any(s => s.Phase == MethodPhase.Agreements),
            steps.Any(s => s.Phase == MethodPhase.CheckIn),
            (ReflectBy(steps, MethodPhase.Harvest) ?? ReflectBy(steps, MethodPhase.Evaluation))?.Id,
            steps.FirstOrDefault(s => s.AsksAction)?.Id);
    }

    /// <summary>The first step of the phase where the case owner reflects (alone or with everyone).</summary>
    private static MethodStep? ReflectBy(IEnumerable<MethodStep> steps, MethodPhase phase) => steps.FirstOrDefault(s =>
        s.Phase == phase && s.Interaction == StepInteraction.Reflect && s.Actor is StepActor.CaseOwner or StepActor.Everyone);
}
