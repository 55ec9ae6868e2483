# source: https://github.com/scikit-hep/pyhf/pull/541
# reported: Migrating pyhf's TensorFlow optimizer to TF 2.0; the plan in the PR is to replace the Session-based Newton optimizer (tf.hessians / tf.gradients + session.run) with a tf.function.
# observed (TF 2.21): tf.gradients and tf.hessians run while newton_update is traced, so they are graph ops; each of the three eager Newton iterations gets a real update.
import numpy as np
import tensorflow as tf


class tensorflow_backend(object):
    def astensor(self, tensor_in, dtype='float'):
        dtype = {'float': tf.float32, 'int': tf.int32}[dtype]
        return tf.convert_to_tensor(tensor_in, dtype=dtype)

    def poisson_logpdf(self, n, lam):
        return n * tf.math.log(lam) - lam - tf.math.lgamma(n + 1.0)


tb = tensorflow_backend()


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
        data = self.tb.astensor(data)

        @tf.function
        def newton_update(pars):
            obj = objective(pars, data, pdf)
            hessian = tf.hessians(obj, pars)[0]
            gradient = tf.gradients(obj, pars)[0]
            invhess = tf.linalg.inv(hessian)
            return tf.transpose(tf.matmul(invhess, tf.transpose(tf.stack([gradient]))))[0]

        # run newton's method
        best_fit = self.tb.astensor(init_pars)
        for i in range(self.maxiter):
            up = newton_update(best_fit)
            best_fit = best_fit - self.relax * up
            if np.abs(np.max(up.numpy())) < self.eps:
                break
        return best_fit.numpy()


pdf = {'sig': tb.astensor([12.0, 11.0]), 'bkg': tb.astensor([50.0, 52.0])}
data = [60.0, 62.0]
optimizer = tflow_optimizer(tb, maxiter=3)
print(optimizer.unconstrained_bestfit(objective, data, pdf, [1.0, 1.0], [(0, 10), (0, 10)]))
