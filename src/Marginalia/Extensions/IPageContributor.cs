namespace Marginalia.Extensions;

/// <summary>What a kind adds to the site's pages: its own pages and its part of other pages' models.</summary>
internal interface IPageContributor
{
}
