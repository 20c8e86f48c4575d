/** The editor's frame: start page, or toolbar, section navigation, the page and the findings. */
import { useEffect } from 'react';
import { connectDocument, offerRecovery } from './commands.ts';
import { CommandKeys } from './commands/CommandKeys.tsx';
import { runMenuCommand } from './commands/registry.ts';
import { BusyIndicator } from './components/BusyIndicator.tsx';
import { Dialogs } from './components/Dialogs.tsx';
import { FindingsPanel } from './components/FindingsPanel.tsx';
import { InfoPage } from './components/InfoPage.tsx';
import { Nav } from './components/Nav.tsx';
import { NoticeBar } from './components/NoticeBar.tsx';
import { SectionPage } from './components/SectionPage.tsx';
import { StartPage } from './components/StartPage.tsx';
import { Toolbar } from './components/Toolbar.tsx';
import { PrintView } from './print/PrintView.tsx';
import { ComparePage } from './compare/ComparePage.tsx';
import { SCROLL_ROOT_ATTRIBUTE } from './grid/reveal.ts';
import { useEditor, useEditorContext } from './store/context.tsx';
import { CountyPage } from './county/CountyPage.tsx';
import { useCounty } from './county/countyStore.ts';
import { usePanel } from './view/panels.ts';
import { restoreZoom } from './view/zoom.ts';

function Page() {
  const page = useEditor((s) => s.page);
  if (page === 'compare') return <ComparePage />;
  return page === 'info' ? <InfoPage /> : <SectionPage key={page} section={page} />;
}

export function App() {
  const editor = useEditorContext();
  const hasReport = useEditor((s) => s.report !== null);
  const printed = useEditor((s) => (s.printing ? s.report : null));
  const [navFolded] = usePanel('nav');
  const [findingsFolded] = usePanel('findings');
  const countyOpen = useCounty((s) => s.open);

  useEffect(restoreZoom, []);

  useEffect(() => {
    const disconnect = connectDocument(editor);
    const unsubscribe = editor.api.onMenuCommand((command) => runMenuCommand(editor, command));
    void offerRecovery(editor);
    // A file dropped on the window is opened by the desktop side (the preload
    // sees the drop first); the page itself must not navigate to it.
    const keep = (event: DragEvent) => event.preventDefault();
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
      unsubscribe();
      disconnect();
    };
  }, [editor]);

  return (
    <div className="app">
      {hasReport ? (
        <>
          <Toolbar />
          <NoticeBar />
          <div className={['workspace', navFolded ? 'nav-collapsed' : '', findingsFolded ? 'findings-collapsed' : ''].filter(Boolean).join(' ')}>
            <Nav />
            <main className="page" {...{ [SCROLL_ROOT_ATTRIBUTE]: '' }}>
              <Page />
            </main>
            <FindingsPanel />
          </div>
        </>
      ) : (
        <>
          <NoticeBar />
          {countyOpen ? <CountyPage /> : <StartPage />}
        </>
      )}
      <CommandKeys />
      <Dialogs />
      <BusyIndicator />
      {printed && <PrintView report={printed} />}
    </div>
  );
}
