using Preau.Core.Accounts;
using Preau.Core.Announcements;
using Preau.Core.Auth;
using Preau.Core.Directory;
using Preau.Core.Graph;
using Preau.Core.Policy;
using Preau.Core.Preferences;
using Preau.Core.Rights;

namespace Preau.Core.Tests.Fakes;

/// <summary>The portal's Core services over <see cref="TinySchool"/> (plus a head teacher) in memory,
/// with a hand-moved clock and a cheap password hash.</summary>
internal sealed class PortalFixture
{
    private static readonly GraphData School = TinySchool.Data with
    {
        Accounts = [.. TinySchool.Data.Accounts, TinySchool.Make("principal", Profile.Personnel, StaffFunction.Direction)],
    };

    public PortalFixture()
    {
        DirectoryStore = new MemoryDirectoryStore(School);
        Directory = new DirectoryService(TinySchool.Domain, DirectoryStore, DirectoryStore, Stores, new PasswordHasher(8, 1), Credentials, Time);
        Rights = new RightsService(Stores, Stores, Time, () => Directory.Graph);
        Announcements = new AnnouncementService(Stores, Rights, Stores, Time);
        Preferences = new PreferencesService(Stores, Directory);
        Accounts = new AccountAdministration(Directory);
        Authenticator = new Authenticator(Directory, Credentials, new LoginThrottle(Time), Rights);
        Passwords = new PasswordChangeService(Authenticator, Directory);
    }

    public ManualTime Time { get; } = new();

    public MemoryPortalStores Stores { get; } = new();

    public MemoryDirectoryStore DirectoryStore { get; }

    public CredentialCache Credentials { get; } = new(TimeSpan.FromMinutes(5), TimeProvider.System);

    public DirectoryService Directory { get; }

    public RightsService Rights { get; }

    public AnnouncementService Announcements { get; }

    public PreferencesService Preferences { get; }

    public AccountAdministration Accounts { get; }

    public Authenticator Authenticator { get; }

    public PasswordChangeService Passwords { get; }

    public Account Get(string login) => Directory.Find(login) ?? throw new ArgumentException(login);

    public PolicyService Policy(PolicySettings? defaults = null) =>
        new(defaults ?? PolicySettings.Default, Stores, Stores, Time, () => Directory.Graph);
}
