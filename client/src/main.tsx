import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api/http';
import { AppRoutes, startFirstPage } from './routes';
import './base.css';
import './components.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // 4xx answers are final (not found, not allowed); only network trouble and 5xx are worth a retry.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

startFirstPage(window.location);

// The first render in a task of its own, after the one that ran the modules: a phone's main thread gets a moment
// in between (for input, a paint) instead of one long block. The header index.html shows until now goes in the same
// task as the app draws its own (render is synchronous), so nothing moves.
setTimeout(() => {
  document.getElementById('app-shell')?.remove();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <AppRoutes />
      </QueryClientProvider>
    </StrictMode>,
  );
});
