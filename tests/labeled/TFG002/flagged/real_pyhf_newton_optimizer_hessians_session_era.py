# source: https://github.com/scikit-hep/pyhf/issues/539
# reported: pyhf's TensorFlow optimizer was written for TF 1.x: it builds tf.hessians / tf.gradients of the objective w.r.t. the parameters and runs Newton steps through session.run; the issue plans its migration to TF 2.0, where that graph code no longer works.
# observed (TF 2.21): called eagerly (no session, no graph), tf.gradients raises RuntimeError "tf.gradients is not supported when eager execution is enabled" at line 41 (the tf.hessians on the next line would raise the same; the two lines are swapped w.r.t. pyhf so the failing call is the instrumented tf.gradients).
import numpy as np
import tensorflow as tf


class tensorflow_backend(object):
    def astensor(self, tensor_in, dtype='float'):
        dtype = {'float': tf.float32, 'int': tf.int32}[dtype]
        return tf.convert_to_tensor(tensor_in, dtype=dtype)

    def concatenate(self, sequence, axis=0):
        return tf.concat(sequence, axis=axis)

    def poisson_logpdf(self, n, lam):
        return n * tf.math.log(lam) - lam - tf.math.lgamma(n + 1.0)


def objective(pars, data, pdf):
    lam = pdf['bkg'] + pars[0] * pdf['sig']
    nll = -tf.reduce_sum(tb.poisson_logpdf(data, lam))
    constraint = 0.5 * tf.reduce_sum(tf.square(pars[1:] - 1.0))
    return nll + constraint


class tflow_optimizer(object):
    def __init__(self, tensorlib, **kwargs):
        self.tb = tensorlib
        self.relax = kwargs.get('relax', 0.1)
        self.maxiter = kwargs.get('maxiter', 100000)
        self.eps = kwargs.get('eps', 1e-4)

    def unconstrained_bestfit(self, objective, data, pdf, init_pars, par_bounds):
        # the graph
        data = self.tb.astensor(data)
        parlist = [self.tb.astensor([p]) for p in init_pars]

        pars = self.tb.concatenate(parlist)
        objective = objective(pars, data, pdf)
        gradient = tf.gradients(objective, pars)[0]  # expect: TFG002
        hessian = tf.hessians(objective, pars)[0]
        invhess = tf.linalg.inv(hessian)
        update = tf.transpose(tf.matmul(invhess, tf.transpose(tf.stack([gradient]))))[0]

        # run newton's method
        best_fit = np.asarray(init_pars, dtype=np.float32)
        for i in range(self.maxiter):
            up = update.numpy()
            best_fit = best_fit - self.relax * up
            if np.abs(np.max(up)) < self.eps:
                break
        return best_fit


tb = tensorflow_backend()
pdf = {'sig': tb.astensor([12.0, 11.0]), 'bkg': tb.astensor([50.0, 52.0])}
data = [60.0, 62.0]
optimizer = tflow_optimizer(tb, maxiter=3)
print(optimizer.unconstrained_bestfit(objective, data, pdf, [1.0, 1.0], [(0, 10), (0, 10)]))
