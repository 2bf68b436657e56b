"""The MkDocs adapter: it connects MkDocs' events to the plain functions of the core, nothing more."""

from __future__ import annotations

import gc
import os
import re
from pathlib import Path
from typing import Optional

from jinja2 import Environment, MemcachedBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation

from ..core.analyse import Site
from ..core.pipeline import check, keep_between_runs, render_deferred, stop_keeping
from ..core.problems import Problem, errors
from ..core.scale import scale_problems
from ..core.settings import Settings
from ..core.transparency import transparency_problems
from ..core.urls import Urls
from ..render import Asset, DataFile, Page
from ..render.claims_filter import SCRIPT as CLAIMS_FILTER_SCRIPT
from ..render.head import QUIET_TEMPLATES_DIR, TEMPLATES_DIR, THEME_OVERRIDES_DIR, add_to_head, feed_link
from ..render.search_index import search_assets
from ..render.search_worker import WORKER, leave_to_worker, point_to_worker, worker_script
from ..render.serve_banner import add_banner, banner
from ..render.snippets import SNIPPETS, expand_markers
from ..render.style import search_tag_classes
from . import serve_watch
from .config import FactcheckConfig, settings_from_options
from .site_files import RebuiltPage, ServedFiles, ServedPage, already_in_docs, data_files, page_files

log = get_plugin_logger(__name__)

# An id as the HTML blocks write it, after a space: a pattern that starts with a literal, which re
# searches for at once (a leading \b would make it try every position).
_ID = re.compile(r' id="([^"]+)"')

REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc")


def uses_material_search(config: MkDocsConfig) -> bool:
    """Material's theme with its search plugin, served over HTTP: the pages our search worker plugs into.

    Material's offline plugin makes pages that work from file://, where a worker cannot fetch files.
    """
    plugins = config.plugins
    return (
        config.theme.name == "material" and any(name in plugins for name in ("search", "material/search"))
        and not any(name in plugins for name in ("offline", "material/offline"))
    )


class _KeptTemplates(dict):
    """Compiled templates kept in memory for the length of a ``mkdocs serve``: the client that Jinja's
    ``MemcachedBytecodeCache`` talks to (``get`` and ``set``), as a dict."""

    def set(self, key: str, value: bytes, timeout: Optional[int] = None) -> None:
        self[key] = value


class FactcheckPlugin(BasePlugin[FactcheckConfig]):
    def __init__(self) -> None:
        self.settings: Optional[Settings] = None
        self.site: Optional[Site] = None  # the last site whose claims and sources were clean
        self.rendered: tuple[list[Page], list[Asset]] = ([], [])
        self.deferred: list[DataFile] = []  # files made as MkDocs writes them: the exports and the feed
        self.generated_pages: set[str] = set()  # src_uri of the pages generated in this build
        self.html_pages: dict[str, Page] = {}  # src_uri -> a generated page with HTML blocks to put in (Page.fill)
        self.serving = False
        self.dirty = False  # mkdocs serve --dirty: rebuild only the generated files whose content changed
        self.dirty_build = False  # mkdocs build --dirty: writes into the site folder as it is (issue 24)
        self.served = ServedFiles()  # what a dirty serve remembers of the generated files from run to run
        self.search_worker = False  # whether the generated pages are searched through our worker (on_config)
        self.serve_errors: list[Problem] = []  # errors of the current files, while serving the last good build
        self.change_signal: Optional[serve_watch.ChangeSignal] = None  # how mkdocs serve hears of changed claims
        self.compiled_templates = _KeptTemplates()  # while serving: the theme's templates, compiled once (on_env)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # MkDocs keeps one instance of the plugin for the life of the process: a new command starts afresh.
        self.site, self.served = None, ServedFiles()
        self.serving = command == "serve"
        self.dirty = self.serving and dirty
        self.dirty_build = command == "build" and dirty
        if self.serving:
            keep_between_runs()

    def on_shutdown(self) -> None:
        stop_keeping()
        if self.change_signal is not None:
            self.change_signal.close()
            self.change_signal = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if os.path.islink(config.site_dir):  # MkDocs would empty the folder it leads to (issue 24)
            raise PluginError(
                f"factcheck: the site folder {config.site_dir} is a symbolic link; MkDocs empties the site folder "
                "before building, so it is not built through a link. Remove the link (it may have come with a commit).")
        if self.dirty_build and os.path.isdir(config.site_dir):
            from ..core.safe_files import LinkRefused, refuse_links_under

            try:  # MkDocs writes each page with open(): through a link planted in the site folder
                refuse_links_under(config.site_dir)
            except LinkRefused as refused:
                raise PluginError(f"factcheck: mkdocs build --dirty writes into the site folder as it is: {refused.described()}") from None
        options = self.config
        self.settings = settings_from_options(
            options, root=Path(config.config_file_path).parent.resolve(),
            site_name=config.site_name, site_url=config.site_url or "")
        scale = self.settings.scale
        wrong = scale_problems(scale)
        if wrong:  # every problem of the option at once, like those of the claims
            raise PluginError("factcheck: the 'ratings' option: " + "; ".join(wrong))
        for extension in REQUIRED_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        stylesheet = self._urls(config).data_file("assets/factcheck.css")
        if stylesheet not in config.extra_css:
            config.extra_css.append(stylesheet)
        script = self._urls(config).data_file(CLAIMS_FILTER_SCRIPT)
        if script not in [str(item) for item in config.extra_javascript]:
            config.extra_javascript.append(script)
        self.search_worker = options.search_worker and uses_material_search(config)
        # Material gives a search result's tag chip the class md-tag--<key> named here: coloured per verdict.
        config.extra["tags"] = {**search_tag_classes(scale), **(config.extra.get("tags") or {})}
        # The claim pages' template (factcheck/claim.html), found after the theme's own and the site's custom_dir.
        if str(TEMPLATES_DIR) not in config.theme.dirs:
            config.theme.dirs.append(str(TEMPLATES_DIR))
        # Overrides of the theme's own partials, found before the theme's and after the site's custom_dir:
        # no repository facts fetched from the code host unless the desk turns them on.
        # and a name for the search dialog (axe: aria-dialog-name).
        chosen = [THEME_OVERRIDES_DIR] + ([] if options.repository_facts else [QUIET_TEMPLATES_DIR])
        for folder in chosen:
            if str(folder) not in config.theme.dirs:
                config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(folder))
        return config

    def _urls(self, config: MkDocsConfig) -> Urls:
        assert self.settings is not None
        return Urls(prefix=self.settings.url_prefix, directory_urls=config.use_directory_urls, site_url=self.settings.site_url)

    def on_pre_build(self, config: MkDocsConfig) -> None:
        """Check and render everything before MkDocs empties the site folder, so a bad run writes nothing.

        While serving, a run with errors keeps the last good pages and shows the errors on them.
        """
        assert self.settings is not None
        checked = check(self.settings, self._urls(config))
        for problem in checked.problems:
            (log.error if problem.is_error else log.warning)(str(problem))
        found = errors(checked.problems)
        if found or checked.site is None:
            if self.serving and self.site is not None:
                self.serve_errors = found
                log.error(f"factcheck: {len(found)} error(s); serving the last good build until they are fixed")
                return
            raise PluginError(f"factcheck: {len(found)} error(s) in the claims and sources; nothing was built. Fix them and build again.")
        # The exports and the feed are made as MkDocs writes them (while serving, from the last good site).
        pages, self.deferred = render_deferred(checked.site)
        assets: list[Asset] = []
        if self.search_worker:
            assets += [Asset(self._urls(config).data_file(WORKER), worker_script()), *search_assets(checked.site)]
        taken = already_in_docs(config.docs_dir, [item.path for item in [*pages, *assets, *self.deferred]])
        if taken:
            raise PluginError(
                "factcheck: the plugin generates " + ", ".join(f"docs/{path}" for path in taken)
                + ", which the docs already have; rename those pages or set 'url_prefix'"
            )
        self.site, self.rendered, self.serve_errors = checked.site, (pages, assets), []

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        pages, assets = self.rendered
        # The pages MkDocs found (a few hand-written ones), listed before 12,000 generated ones join them.
        found_pages = files.documentation_pages()
        served = self._served_files()
        for file in page_files(pages, config, served):
            self._add(files, file)
        for file in data_files(assets, self.deferred, config, served):
            self._add(files, file)
        if self.dirty:
            for file in [f for f in found_pages if not f.generated_by]:
                files.remove(file)
                files.append(RebuiltPage(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls, inclusion=file.inclusion))
        self.generated_pages = {page.path for page in pages}
        self.html_pages = {page.path: page for page in pages if page.html}
        if not self.serving:  # serving keeps them, to show the last good build when the data break
            self.rendered, self.deferred = ([], []), []
        for problem in transparency_problems(self.settings, self._urls(config), [*(f.src_uri for f in found_pages), *self.generated_pages]):
            log.warning(str(problem))
        return files

    def _served_files(self) -> Optional[ServedFiles]:
        """What the last runs of a dirty serve made, when this run may leave files as they were:
        a dirty serve with a good build behind it. Pages too only when our search worker indexes
        them: Material's search index is written anew from the pages each run builds, so a page
        it indexes must be built every time."""
        if not self.dirty or self.site is None:
            return None
        self.served.start_run(banner=bool(self.serve_errors), with_pages=self.search_worker)
        return self.served

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """Sidebar titles for the pages a dirty serve skips: MkDocs takes a page's title from
        what it read, and it does not read a page it skips."""
        for page in nav.pages:
            if isinstance(page.file, ServedPage) and not page.file.changed and page.file.title:
                page.title = page.file.title
        return nav

    @staticmethod
    def _add(files: Files, file: File) -> None:
        if file.src_uri in files.src_uris:  # src_uri is already POSIX: no get_file_from_path (a PurePath per file)
            raise PluginError(f"factcheck: docs/{file.src_uri} exists, but the plugin generates that page; rename yours or set 'url_prefix'")
        files.append(file)

    def on_page_markdown(self, markdown: str, page, config: MkDocsConfig, files: Files) -> str:
        """Fill the live-list markers of hand-written pages (see render/snippets.py)."""
        if page.file.src_uri in self.generated_pages:
            if self.search_worker and leave_to_worker(page.meta):
                page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
            # The page's text is in ``markdown`` now (from the record, or read by MkDocs for a page in
            # the sidebar); the file's copy, kept for other plugins, is not read again. Letting it
            # go keeps one copy of every page in memory, as a plain build has, not two.
            page.file.content_string = ""
            return markdown
        if self.site is None or page.file.generated_by:
            return markdown
        expanded, unknown = expand_markers(markdown, page.file.src_uri, self.site)
        for name in unknown:
            log.warning(f"docs/{page.file.src_uri}: unknown marker 'factcheck: {name}' (known: {', '.join(SNIPPETS)})")
        return expanded

    def on_page_content(self, html: str, page, config: MkDocsConfig, files: Files) -> str:
        """A generated page's body: its headings are converted (generated_page.py); its HTML blocks go in now,
        before the search plugin and the theme read ``page.content`` and ``page.toc``."""
        generated = self.html_pages.get(page.file.src_uri) if self.serving else self.html_pages.pop(page.file.src_uri, None)
        if generated is None:
            return html
        try:
            filled = generated.fill(html)
        except ValueError as error:
            raise PluginError(f"factcheck: {error}") from None
        if page.present_anchor_ids is not None:  # the ids inside the blocks, for MkDocs' check of links to anchors
            page.present_anchor_ids = page.present_anchor_ids | {m for block in generated.html for m in _ID.findall(block)}
        return filled

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """While serving, the theme's templates are compiled once, not on every rebuild: MkDocs makes a new
        template environment for each, and compiling Material's page template again for the changed page,
        the 404 page and the sitemap is much of a reload's own work. Jinja checks each template's
        source against its compiled copy, so an edited template is compiled again."""
        if self.serving and env.bytecode_cache is None:
            env.bytecode_cache = MemcachedBytecodeCache(self.compiled_templates)
        return env

    @event_priority(-100)  # after the other plugins' own
    def on_post_build(self, config: MkDocsConfig) -> None:
        """While a dirty serve keeps the generated pages from run to run, they let go of their HTML once written."""
        self.served.let_go_of_html()

    def on_post_page(self, output: str, page, config: MkDocsConfig) -> str:
        """Announce the Atom feed in every page's head (any theme, any main.html the site has)."""
        if self.site is None:
            return output
        output = add_to_head(output, feed_link(self.site, page.url))
        if self.search_worker:
            output = point_to_worker(output, self._urls(config).data_file(WORKER)) or output
        return add_banner(output, banner(self.serve_errors)) if self.serve_errors else output

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        """The theme's own pages (404.html) search through the worker too."""
        if self.search_worker and template_name.endswith(".html"):
            return point_to_worker(output_content, self._urls(config).data_file(WORKER)) or output_content
        return output_content

    def on_serve(self, server, config: MkDocsConfig, builder):
        """Rebuild when the claims, the sources, the people or the subjects change (the folders
        through the system's file events: see serve_watch.py)."""
        assert self.settings is not None
        settings = self.settings
        folders = [p for p in (settings.path(settings.claims_dir), settings.path(settings.sources_dir)) if p.is_dir()]
        files = [p for p in (settings.path(settings.people_file), settings.path(settings.subjects_file)) if p.exists()]
        self.change_signal = serve_watch.watch(folders, files, server.watch, log.warning)
        # MkDocs calls this after the first build, whose own objects (files, pages, navigation) are
        # now garbage: collected once here, and what stays (the results kept for later runs, the
        # Files of pages left as they were) frozen out of the collector's sight. Otherwise every few
        # rebuilds a full collection walks all of it: 1.3-1.5 s of a reload at 10,000 claims.
        gc.collect()
        gc.freeze()
        return server
