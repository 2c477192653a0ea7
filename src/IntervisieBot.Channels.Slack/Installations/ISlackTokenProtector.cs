namespace IntervisieBot.Channels.Slack.Installations;

/// <summary>
/// Encrypts what the Slack channel keeps at rest that must not be readable from the store: the workspaces' bot
/// tokens, and the forms of cards waiting for a modal (their prefilled values may hold a case). Every value is bound
/// to its place (<c>context</c>: for a token its team id, for a form its conversation and message), so a value copied
/// into another row does not open there. Kept small so the shared field encryption can stand in for it.
/// </summary>
public interface ISlackTokenProtector
{
    /// <summary>Ciphertext as text (safe for a table property), bound to <paramref name="context"/>.</summary>
    string Protect(string plaintext, string context);

    /// <summary>
    /// The plaintext of a value protected for the same <paramref name="context"/>; throws
    /// <see cref="System.Security.Cryptography.CryptographicException"/> when it was tampered with, belongs elsewhere, or
    /// the key differs. A value stored before values were bound (<see cref="IsBound"/> false) opens without the context.
    /// </summary>
    string Unprotect(string protectedText, string context);

    /// <summary>Whether the value is bound to its place (else it was stored by an earlier version, and should be written again).</summary>
    bool IsBound(string protectedText);
}
