import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { bridge } from './api.ts';
import { App } from './App.tsx';
import { createEditor, EditorProvider } from './store/context.tsx';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

try {
  const editor = createEditor(bridge());
  createRoot(root).render(
    <StrictMode>
      <EditorProvider editor={editor}>
        <App />
      </EditorProvider>
    </StrictMode>,
  );
} catch {
  root.textContent = '无法启动编辑器：请通过“年报”程序打开本页面。';
}
