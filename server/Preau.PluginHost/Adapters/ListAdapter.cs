using Preau.Core.Accounts;
using Preau.Core.Extensions;
using Preau.PluginHost.Loading;
using Preau.PluginHost.Services;
using Preau.Plugins.Mail;

namespace Preau.PluginHost.Adapters;

/// <summary>A plugin's recipient lists as Core's <see cref="IRecipientListProvider"/>. A throwing
/// plugin is marked failed and the recipient gets a temporary refusal.</summary>
internal sealed class ListAdapter(ActivePlugin plugin, IRecipientList list, Action<ActivePlugin, string> fail) : IRecipientListProvider
{
    public ListExpansion? Expand(string localPart, Account? sender)
    {
        if (!plugin.TryEnter())
        {
            return null;
        }

        try
        {
            if (list.Expand(new RecipientListRequest(localPart, sender?.ToRecord())) is not { } result)
            {
                return null;
            }

            var name = string.IsNullOrWhiteSpace(result.Name) ? localPart : result.Name;
            return new ListExpansion(name, result.MemberIds ?? [], result.Refusal);
        }
#pragma warning disable CA1031 // Plugin code: any failure marks the plugin failed, never the SMTP session.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            fail(plugin, $"recipient list threw {ex.GetType().Name}: {ex.Message}");
            return ListExpansion.Unavailable(localPart, $"the module {plugin.Id} failed");
        }
        finally
        {
            plugin.Exit();
        }
    }
}
