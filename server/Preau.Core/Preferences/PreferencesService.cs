using Preau.Core.Accounts;
using Preau.Core.Directory;
using Preau.Core.Storage;

namespace Preau.Core.Preferences;

/// <summary>A user's settings: signature and language (kept in <see cref="IPreferencesStore"/>) and the
/// notification address (kept on the account, which <see cref="Mail.Notices"/> reads at each delivery;
/// changed through <see cref="DirectoryService"/>, so it is audited like any account change).</summary>
public sealed class PreferencesService
{
    /// <summary>Longest signature, in characters.</summary>
    public const int MaxSignatureLength = 2000;

    /// <summary>The languages of the interface.</summary>
    public static IReadOnlyList<string> Languages { get; } = [UserPreferences.French, UserPreferences.English];

    private readonly IPreferencesStore _store;
    private readonly DirectoryService _directory;

    /// <summary>Creates the service.</summary>
    public PreferencesService(IPreferencesStore store, DirectoryService directory)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
    }

    /// <summary>An account's preferences (the defaults when it saved none).</summary>
    public UserPreferences Preferences(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return _store.LoadPreferences(account.Id) ?? UserPreferences.Default;
    }

    /// <summary>An account's whole settings page, from its current record.</summary>
    public AccountSettings Get(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var current = _directory.Graph.FindById(account.Id) ?? account;
        var preferences = Preferences(current);
        return new AccountSettings(preferences.Signature, current.NotificationAddress, preferences.Language);
    }

    /// <summary>Replaces an account's settings; returns them as saved.</summary>
    /// <exception cref="PreferencesException">A value is refused (unknown language, signature too long,
    /// notification address invalid or inside the school).</exception>
    public AccountSettings Update(Account account, AccountSettings settings)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(settings);
        var language = (settings.Language ?? "").Trim().ToLowerInvariant();
        if (!Languages.Contains(language))
        {
            throw new PreferencesException($"Langue inconnue « {settings.Language} » : « fr » (français) ou « en » (anglais).");
        }

        var signature = (settings.Signature ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
        if (signature.Length > MaxSignatureLength)
        {
            throw new PreferencesException($"La signature est trop longue : au plus {MaxSignatureLength} caractères.");
        }

        if (signature.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
        {
            throw new PreferencesException("La signature contient des caractères de contrôle.");
        }

        var address = string.IsNullOrWhiteSpace(settings.NotificationAddress) ? null : settings.NotificationAddress.Trim();
        if (address is not null && NotificationAddressRule.Problem(address, _directory.Domain) is { } problem)
        {
            throw new PreferencesException(problem);
        }

        var current = _directory.Graph.FindById(account.Id) ?? throw new PreferencesException("Ce compte n'existe plus.");
        if (!string.Equals(current.NotificationAddress, address, StringComparison.Ordinal))
        {
            _directory.SetNotificationAddress(current.Login, address, current.Login);
        }

        _store.SavePreferences(current.Id, new UserPreferences(signature, language));
        return new AccountSettings(signature, address, language);
    }
}
