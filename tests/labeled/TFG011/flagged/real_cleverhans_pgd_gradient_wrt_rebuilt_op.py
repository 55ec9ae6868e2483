# source: https://github.com/cleverhans-lab/cleverhans/issues/1051  # known-miss: the source is rebuilt by a helper and the target comes from another helper call
# reported: Checking cleverhans' ProjectedGradientDescent (TF 1.12), a user wrote the random start `x + eta` again inside tf.gradients and got [None] ("even simpler: tf.gradients(x+1, x+1) returns [None]"); the maintainer answered that each `x + eta` is a new op, so the gradient must be taken w.r.t. the tensor that was actually fed to the model.
# observed (TF 2.21, graph mode): tf.gradients at line 76 returns [None] (the source is a second, unconnected x + eta op); the attack's own tf.gradients at line 43 returns a real gradient and the session runs.
import numpy as np
import tensorflow as tf

tf1 = tf.compat.v1


class Model(object):
    """cleverhans-style model: get_logits / get_probs on a small MLP."""

    def __init__(self, nb_inputs, nb_classes, scope='model'):
        with tf1.variable_scope(scope):
            self.w1 = tf1.get_variable('w1', [nb_inputs, 16], initializer=tf1.glorot_uniform_initializer())
            self.b1 = tf1.get_variable('b1', [16], initializer=tf1.zeros_initializer())
            self.w2 = tf1.get_variable('w2', [16, nb_classes], initializer=tf1.glorot_uniform_initializer())

    def get_logits(self, x):
        h = tf.nn.relu(tf.matmul(x, self.w1) + self.b1)
        return tf.matmul(h, self.w2)

    def get_probs(self, x):
        return tf.nn.softmax(self.get_logits(x))


class FastGradientMethod(object):
    def __init__(self, model, sess=None):
        self.model = model
        self.sess = sess

    def generate(self, x, y=None, eps=0.3, clip_min=0., clip_max=1.):
        logits = self.model.get_logits(x)
        if y is None:
            preds_max = tf.reduce_max(logits, 1, keepdims=True)
            y = tf.cast(tf.equal(logits, preds_max), logits.dtype)
            y = tf.stop_gradient(y)
        y = y / tf.reduce_sum(y, 1, keepdims=True)
        return self.fgm(x, logits, y, eps, clip_min, clip_max)

    def fgm(self, x, logits, y, eps, clip_min, clip_max):
        loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=logits))
        grad, = tf.gradients(loss, x)
        optimal_perturbation = tf.sign(grad)
        adv_x = x + eps * optimal_perturbation
        return tf.clip_by_value(adv_x, clip_min, clip_max)


class ProjectedGradientDescent(object):
    def __init__(self, model, sess=None):
        self.model = model
        self.sess = sess

    def generate(self, x, eps=0.3, eps_iter=0.05, nb_iter=2, rand_init=True, clip_min=0., clip_max=1.):
        if rand_init:
            eta = tf.random.uniform(tf.shape(x), -eps, eps, dtype=x.dtype)
        else:
            eta = tf.zeros_like(x)
        adv_x = x + eta
        adv_x = tf.clip_by_value(adv_x, clip_min, clip_max)
        fgm = FastGradientMethod(self.model, sess=self.sess)
        for i in range(nb_iter):
            adv_x = fgm.generate(adv_x, eps=eps_iter, clip_min=clip_min, clip_max=clip_max)
            eta = tf.clip_by_value(adv_x - x, -eps, eps)
            adv_x = tf.clip_by_value(x + eta, clip_min, clip_max)
        return adv_x, eta


with tf.Graph().as_default():
    x = tf1.placeholder(tf.float32, shape=(None, 10))
    model = Model(10, 3)
    with tf1.Session() as sess:
        pgd = ProjectedGradientDescent(model, sess=sess)
        adv_x, eta = pgd.generate(x)
        # the check from the report: the random start written out again
        check = tf.gradients(model.get_logits(x + eta), x + eta)  # expect: TFG011
        print("check:", check)
        sess.run(tf1.global_variables_initializer())
        out = sess.run(adv_x, feed_dict={x: np.random.rand(4, 10).astype(np.float32)})
        print(out.shape)
