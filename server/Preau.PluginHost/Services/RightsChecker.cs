using Preau.Plugins.Rights;

namespace Preau.PluginHost.Services;

/// <summary><see cref="IRightsChecker"/> by login, through the server's one rights check.</summary>
internal sealed class RightsChecker(PluginHostServices host) : IRightsChecker
{
    public RightCheck Check(string login, string right)
    {
        ArgumentNullException.ThrowIfNull(right);
        return login is not null && host.Directory.Find(login) is { } account
            ? RightsMapping.ToCheck(host.Rights.Check(account, right))
            : new RightCheck(false, right, $"aucun compte « {login} »");
    }
}
