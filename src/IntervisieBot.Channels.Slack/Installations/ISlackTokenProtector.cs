namespace IntervisieBot.Channels.Slack.Installations;

/// <summary>
/// Encrypts what the Slack channel keeps at rest that must not be readable from the store: the workspaces' bot
/// tokens, and the forms of cards waiting for a modal (their prefilled values may hold a case). Kept small so the
/// shared field encryption can stand in for it.
/// </summary>
public interface ISlackTokenProtector
{
    /// <summary>Ciphertext as text (safe for a table property).</summary>
    string Protect(string plaintext);

    /// <summary>The plaintext; throws <see cref="System.Security.Cryptography.CryptographicException"/> when it was tampered with or the key differs.</summary>
    string Unprotect(string protectedText);
}
