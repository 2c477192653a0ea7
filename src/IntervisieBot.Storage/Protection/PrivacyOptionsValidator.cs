using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Storage.Protection;

/// <summary>Every message names the setting to fix; none repeats a key's value.</summary>
internal sealed partial class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    private const string Section = PrivacyOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        var errors = new List<string>();
        if (!KeyIdPattern().IsMatch(options.EncryptionKeyId ?? ""))
        {
            errors.Add($"{Section}:EncryptionKeyId must be 1 to 32 letters, digits, '.', '_' or '-', not '{options.EncryptionKeyId}'.");
        }

        if (options.HasKey && EncryptionKey.TryParse(options.EncryptionKey!) is null)
        {
            errors.Add($"{Section}:EncryptionKey must be 32 random bytes in base64 (44 characters; e.g. the output of `openssl rand -base64 32`).");
        }

        if (options.LocalKeyPath is { } folder && folder.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            errors.Add($"{Section}:LocalKeyPath must be a folder path (it holds a character no path can have).");
        }

        foreach (var (id, value) in options.PreviousKeys)
        {
            if (!KeyIdPattern().IsMatch(id))
            {
                errors.Add($"{Section}:PreviousKeys has a key id that is not 1 to 32 letters, digits, '.', '_' or '-': '{id}'.");
            }
            else if (string.Equals(id, options.EncryptionKeyId, StringComparison.Ordinal))
            {
                errors.Add($"{Section}:PreviousKeys:{id} has the id of the current key ({Section}:EncryptionKeyId); give the new key a new id.");
            }

            if (EncryptionKey.TryParse(value) is null)
            {
                errors.Add($"{Section}:PreviousKeys:{id} must be 32 bytes in base64, as the key was when it was current.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,32}$", RegexOptions.CultureInvariant)]
    internal static partial Regex KeyIdPattern();
}
